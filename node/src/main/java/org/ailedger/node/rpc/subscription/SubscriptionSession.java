package org.ailedger.node.rpc.subscription;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ailedger.node.rpc.RandomIds;
import org.ailedger.node.rpc.RpcError;
import org.ailedger.node.rpc.RpcException;

/**
 * The subscriptions of one WebSocket connection, bounded in number, gone with the connection. A new
 * subscription stays pending until the response carrying its id has been written; only then does it
 * receive notifications, so a client never sees a notification for an id it does not know yet.
 * Methods are called from worker threads and the connection's event loop.
 */
public final class SubscriptionSession {
  private final int maxSubscriptions;
  private final RandomIds ids;
  private final Map<String, Subscription> pending = new LinkedHashMap<>();
  private final Map<String, Subscription> live = new LinkedHashMap<>();
  private boolean closed;

  public SubscriptionSession(int maxSubscriptions, RandomIds ids) {
    if (maxSubscriptions <= 0 || ids == null) {
      throw new IllegalArgumentException("invalid subscription session settings");
    }
    this.maxSubscriptions = maxSubscriptions;
    this.ids = ids;
  }

  /** A scope for the subscriptions one incoming message creates. */
  public SubscriptionScope newScope() {
    return new SubscriptionScope(this);
  }

  synchronized Subscription add(Function<String, Subscription> factory) {
    if (closed) {
      throw new RpcException(RpcError.SUBSCRIPTION_NOT_FOUND, "the connection is closing");
    }
    if (pending.size() + live.size() >= maxSubscriptions) {
      throw new RpcException(
          RpcError.LIMIT_EXCEEDED,
          "too many subscriptions on this connection: " + "the limit is " + maxSubscriptions);
    }
    Subscription subscription = factory.apply(ids.next());
    pending.put(subscription.id(), subscription);
    return subscription;
  }

  synchronized void activate(Collection<String> subscriptionIds) {
    for (String id : subscriptionIds) {
      Subscription subscription = pending.remove(id);
      if (subscription != null && !closed) {
        live.put(id, subscription);
      }
    }
  }

  public synchronized boolean remove(String id) {
    return pending.remove(id) != null | live.remove(id) != null;
  }

  public synchronized boolean isLive(String id) {
    return live.containsKey(id);
  }

  /** The subscriptions that receive notifications, in creation order. */
  public synchronized List<Subscription> live() {
    return new ArrayList<>(live.values());
  }

  public synchronized int size() {
    return pending.size() + live.size();
  }

  /** Drops every subscription; called when the connection closes. */
  public synchronized void close() {
    closed = true;
    pending.clear();
    live.clear();
  }
}

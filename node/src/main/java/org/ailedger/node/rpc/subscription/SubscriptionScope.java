package org.ailedger.node.rpc.subscription;

import java.util.ArrayList;
import java.util.List;
import org.ailedger.node.rpc.filter.LogCriteria;

/**
 * The subscriptions created while answering one WebSocket message. The connection activates them
 * once the answer is written (see {@link SubscriptionSession}).
 */
public final class SubscriptionScope {
  private final SubscriptionSession session;
  private final List<String> created = new ArrayList<>();

  SubscriptionScope(SubscriptionSession session) {
    this.session = session;
  }

  public String subscribeNewHeads() {
    return remember(session.add(Subscription.NewHeads::new));
  }

  public String subscribeLogs(LogCriteria criteria) {
    return remember(session.add(id -> new Subscription.Logs(id, criteria)));
  }

  public boolean unsubscribe(String id) {
    synchronized (created) {
      created.remove(id);
    }
    return session.remove(id);
  }

  /** Starts notifications for what this message subscribed to; call after writing the answer. */
  public void activate() {
    List<String> ids;
    synchronized (created) {
      ids = List.copyOf(created);
      created.clear();
    }
    session.activate(ids);
  }

  private String remember(Subscription subscription) {
    synchronized (created) {
      created.add(subscription.id());
    }
    return subscription.id();
  }
}

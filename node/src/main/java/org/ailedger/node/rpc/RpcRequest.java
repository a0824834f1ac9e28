package org.ailedger.node.rpc;

import java.util.Optional;
import org.ailedger.node.rpc.params.RpcParams;
import org.ailedger.node.rpc.subscription.SubscriptionScope;

/**
 * One call as a method sees it.
 *
 * @param subscriptions present only over WebSocket, where notifications can be delivered
 */
public record RpcRequest(
    String method, RpcParams params, Optional<SubscriptionScope> subscriptions) {
  public RpcRequest {
    if (method == null || params == null || subscriptions == null) {
      throw new IllegalArgumentException("request fields must not be null");
    }
  }
}

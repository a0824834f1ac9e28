package org.ailedger.node.rpc.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import org.ailedger.node.rpc.RpcError;
import org.ailedger.node.rpc.RpcException;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.params.RpcParams;

/** eth_unsubscribe(id): true once cancelled; an unknown id is an error, as in geth. */
public final class EthUnsubscribe implements RpcMethod {
  @Override
  public String name() {
    return "eth_unsubscribe";
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    SubscriptionScope scope =
        request
            .subscriptions()
            .orElseThrow(
                () ->
                    new RpcException(
                        RpcError.NOTIFICATIONS_UNSUPPORTED,
                        "notifications not supported: eth_unsubscribe needs a WebSocket"
                            + " connection"));
    RpcParams params = request.params().expectAtMost(1);
    String id = params.string(0, "subscription id");
    if (!scope.unsubscribe(id)) {
      throw RpcException.of(RpcError.SUBSCRIPTION_NOT_FOUND);
    }
    return BooleanNode.TRUE;
  }
}

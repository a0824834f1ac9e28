package org.ailedger.node.rpc.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.ailedger.node.rpc.RpcError;
import org.ailedger.node.rpc.RpcException;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.filter.LogCriteria;
import org.ailedger.node.rpc.params.FilterParser;
import org.ailedger.node.rpc.params.HexParser;
import org.ailedger.node.rpc.params.RpcParams;

/** eth_subscribe("newHeads") and eth_subscribe("logs", filter), over WebSocket only. */
public final class EthSubscribe implements RpcMethod {
  @Override
  public String name() {
    return "eth_subscribe";
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
                        "notifications not supported: eth_subscribe needs a WebSocket connection"));
    RpcParams params = request.params().expectAtMost(2);
    String kind = params.string(0, "subscription type");
    return switch (kind) {
      case "newHeads" -> {
        if (params.has(1)) {
          throw HexParser.invalid(RpcParams.where(1, "options"), "newHeads takes no options");
        }
        yield TextNode.valueOf(scope.subscribeNewHeads());
      }
      case "logs" ->
          TextNode.valueOf(
              scope.subscribeLogs(
                  params.has(1)
                      ? FilterParser.criteria(
                          params.required(1, "filter"), RpcParams.where(1, "filter"))
                      : LogCriteria.ANY));
      default ->
          throw HexParser.invalid(
              RpcParams.where(0, "subscription type"),
              "unsupported subscription type \""
                  + kind
                  + "\"; this node offers \"newHeads\" and \"logs\"");
    };
  }
}

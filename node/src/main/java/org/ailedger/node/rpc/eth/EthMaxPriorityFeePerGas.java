package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.json.Hex;
import org.apache.tuweni.units.bigints.UInt256;

/** eth_maxPriorityFeePerGas: the configured tip suggestion (zero on a free-gas network). */
public final class EthMaxPriorityFeePerGas implements RpcMethod {
  private final UInt256 suggestedPriorityFee;

  public EthMaxPriorityFeePerGas(UInt256 suggestedPriorityFee) {
    this.suggestedPriorityFee = suggestedPriorityFee;
  }

  @Override
  public String name() {
    return "eth_maxPriorityFeePerGas";
  }

  @Override
  public boolean light(JsonNode params) {
    return true;
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    request.params().expectAtMost(0);
    return TextNode.valueOf(Hex.quantity(suggestedPriorityFee));
  }
}

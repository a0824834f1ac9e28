package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.json.Hex;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * eth_gasPrice: the head's base fee plus the suggested tip, the legacy price that gets a
 * transaction into the next block as geth computes it.
 */
public final class EthGasPrice implements RpcMethod {
  private final ChainReader chain;
  private final UInt256 suggestedPriorityFee;

  public EthGasPrice(ChainReader chain, UInt256 suggestedPriorityFee) {
    this.chain = chain;
    this.suggestedPriorityFee = suggestedPriorityFee;
  }

  @Override
  public String name() {
    return "eth_gasPrice";
  }

  @Override
  public boolean light(JsonNode params) {
    return true;
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    request.params().expectAtMost(0);
    return TextNode.valueOf(Hex.quantity(chain.head().baseFee().add(suggestedPriorityFee)));
  }
}

package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.json.Hex;

/** eth_blockNumber: the head's number. */
public final class EthBlockNumber implements RpcMethod {
  private final ChainReader chain;

  public EthBlockNumber(ChainReader chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_blockNumber";
  }

  @Override
  public boolean light(JsonNode params) {
    return true;
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    request.params().expectAtMost(0);
    return TextNode.valueOf(Hex.quantity(chain.head().number()));
  }
}

package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.json.Hex;

/** eth_chainId: the EIP-155 chain id from genesis. */
public final class EthChainId implements RpcMethod {
  private final ChainReader chain;

  public EthChainId(ChainReader chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_chainId";
  }

  @Override
  public boolean light(JsonNode params) {
    return true;
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    request.params().expectAtMost(0);
    return TextNode.valueOf(Hex.quantity(chain.chainId()));
  }
}

package org.ailedger.node.rpc.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;

/** net_version: the network id as a decimal string; this chain uses its chain id, like Besu. */
public final class NetVersion implements RpcMethod {
  private final ChainReader chain;

  public NetVersion(ChainReader chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "net_version";
  }

  @Override
  public boolean light(JsonNode params) {
    return true;
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    request.params().expectAtMost(0);
    return TextNode.valueOf(Long.toString(chain.chainId()));
  }
}

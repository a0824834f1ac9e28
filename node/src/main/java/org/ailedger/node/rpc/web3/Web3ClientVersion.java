package org.ailedger.node.rpc.web3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;

/** web3_clientVersion: the configured client version string. */
public final class Web3ClientVersion implements RpcMethod {
  private final String clientVersion;

  public Web3ClientVersion(String clientVersion) {
    this.clientVersion = clientVersion;
  }

  @Override
  public String name() {
    return "web3_clientVersion";
  }

  @Override
  public boolean light(JsonNode params) {
    return true;
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    request.params().expectAtMost(0);
    return TextNode.valueOf(clientVersion);
  }
}

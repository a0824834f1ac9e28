package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.json.RpcJson;

/** eth_accounts: always empty; the node holds no user keys, wallets sign. */
public final class EthAccounts implements RpcMethod {
  @Override
  public String name() {
    return "eth_accounts";
  }

  @Override
  public boolean light(JsonNode params) {
    return true;
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    request.params().expectAtMost(0);
    return RpcJson.array();
  }
}

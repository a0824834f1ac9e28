package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;

/**
 * eth_syncing: false. Block sync arrives with the p2p layer; until then the node only has the
 * blocks it committed itself, so it is never behind a peer it knows of.
 */
public final class EthSyncing implements RpcMethod {
  @Override
  public String name() {
    return "eth_syncing";
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    request.params().expectAtMost(0);
    return BooleanNode.FALSE;
  }
}

package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.ailedger.node.rpc.PeerSource;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.json.Hex;
import org.ailedger.node.rpc.json.RpcJson;
import org.ailedger.node.sync.SyncProgress;

/**
 * eth_syncing: false when the node is not behind a peer it knows of, else the execution-apis object
 * {@code {startingBlock, currentBlock, highestBlock}} of its catch-up.
 */
public final class EthSyncing implements RpcMethod {
  private final PeerSource peers;

  public EthSyncing(PeerSource peers) {
    this.peers = peers;
  }

  @Override
  public String name() {
    return "eth_syncing";
  }

  @Override
  public boolean light(JsonNode params) {
    return true;
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    request.params().expectAtMost(0);
    Optional<SyncProgress> state = peers.syncing();
    if (state.isEmpty()) {
      return BooleanNode.FALSE;
    }
    ObjectNode json = RpcJson.object();
    json.put("startingBlock", Hex.quantity(state.get().startingBlock()));
    json.put("currentBlock", Hex.quantity(state.get().currentBlock()));
    json.put("highestBlock", Hex.quantity(state.get().highestBlock()));
    return json;
  }
}

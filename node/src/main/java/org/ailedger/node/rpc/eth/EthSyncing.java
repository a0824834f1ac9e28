package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.ailedger.node.rpc.PeerSource;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.json.Hex;
import org.ailedger.node.sync.SyncProgress;

/**
 * eth_syncing: false when the node is not catching up from a peer, else its starting, current and
 * highest block, as the execution-apis schema has them.
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
  public JsonNode execute(RpcRequest request) {
    request.params().expectAtMost(0);
    Optional<SyncProgress> progress = peers.syncProgress();
    if (progress.isEmpty()) {
      return BooleanNode.FALSE;
    }
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("startingBlock", Hex.quantity(progress.get().startingBlock()));
    json.put("currentBlock", Hex.quantity(progress.get().currentBlock()));
    json.put("highestBlock", Hex.quantity(progress.get().highestBlock()));
    return json;
  }
}

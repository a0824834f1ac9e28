package org.ailedger.node.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Optional;
import org.ailedger.node.p2p.peers.EnodeUrl;
import org.ailedger.node.rpc.NodeInfo;
import org.ailedger.node.rpc.PeerInfo;
import org.ailedger.node.rpc.PeerSource;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.params.RpcParams;
import org.ailedger.node.sync.SyncProgress;
import org.junit.jupiter.api.Test;

class EthSyncingTest {
  @Test
  void isFalseWhenNotCatchingUp() {
    assertThat(new EthSyncing(PeerSource.none()).execute(request()).asBoolean()).isFalse();
    assertThat(new EthSyncing(PeerSource.none()).execute(request()).isBoolean()).isTrue();
  }

  @Test
  void reportsStartingCurrentAndHighestBlockWhileCatchingUp() {
    JsonNode result = new EthSyncing(syncing(new SyncProgress(3, 200, 4096))).execute(request());

    assertThat(result.get("startingBlock").asText()).isEqualTo("0x3");
    assertThat(result.get("currentBlock").asText()).isEqualTo("0xc8");
    assertThat(result.get("highestBlock").asText()).isEqualTo("0x1000");
  }

  private static RpcRequest request() {
    return new RpcRequest(
        "eth_syncing", RpcParams.of(JsonNodeFactory.instance.arrayNode()), Optional.empty());
  }

  private static PeerSource syncing(SyncProgress progress) {
    PeerSource none = PeerSource.none();
    return new PeerSource() {
      @Override
      public boolean listening() {
        return true;
      }

      @Override
      public List<PeerInfo> peers() {
        return none.peers();
      }

      @Override
      public Optional<NodeInfo> nodeInfo() {
        return none.nodeInfo();
      }

      @Override
      public Optional<SyncProgress> syncProgress() {
        return Optional.of(progress);
      }

      @Override
      public PeerChange addPeer(EnodeUrl peer) {
        return none.addPeer(peer);
      }

      @Override
      public PeerChange removePeer(EnodeUrl peer) {
        return none.removePeer(peer);
      }
    };
  }
}

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
  private static final RpcRequest REQUEST =
      new RpcRequest(
          "eth_syncing", RpcParams.of(JsonNodeFactory.instance.arrayNode()), Optional.empty());

  private static PeerSource catchingUp(SyncProgress state) {
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
      public PeerChange addPeer(EnodeUrl peer) {
        return none.addPeer(peer);
      }

      @Override
      public PeerChange removePeer(EnodeUrl peer) {
        return none.removePeer(peer);
      }

      @Override
      public Optional<SyncProgress> syncing() {
        return Optional.of(state);
      }
    };
  }

  @Test
  void aNodeBehindNoPeerIsNotSyncing() {
    assertThat(new EthSyncing(PeerSource.none()).execute(REQUEST).asBoolean()).isFalse();
  }

  @Test
  void aCatchUpIsReportedInTheExecutionApisShape() {
    JsonNode result = new EthSyncing(catchingUp(new SyncProgress(5, 120, 300))).execute(REQUEST);

    assertThat(result.get("startingBlock").asText()).isEqualTo("0x5");
    assertThat(result.get("currentBlock").asText()).isEqualTo("0x78");
    assertThat(result.get("highestBlock").asText()).isEqualTo("0x12c");
    assertThat(result.size()).isEqualTo(3);
  }
}

package org.ailedger.node.rpc.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.node.p2p.peers.EnodeUrl;
import org.ailedger.node.rpc.NodeInfo;
import org.ailedger.node.rpc.PeerInfo;
import org.ailedger.node.rpc.PeerSource;
import org.ailedger.node.rpc.RpcError;
import org.ailedger.node.rpc.RpcException;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.TestChain;
import org.ailedger.node.rpc.params.RpcParams;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

class AdminPeerMethodsTest {
  private static final EnodeUrl SELF =
      new EnodeUrl(DevAccounts.validator(0).publicKey(), "10.0.0.1", 30303);
  private static final EnodeUrl OTHER =
      new EnodeUrl(DevAccounts.validator(1).publicKey(), "10.0.0.2", 30304);

  /** Keeps what it is told, refuses itself, and a node id it is told is not permitted. */
  private static final class KeptPeers implements PeerSource {
    final List<EnodeUrl> kept = new ArrayList<>();
    EnodeUrl notPermitted;

    @Override
    public boolean listening() {
      return true;
    }

    @Override
    public List<PeerInfo> peers() {
      return List.of();
    }

    @Override
    public Optional<NodeInfo> nodeInfo() {
      return Optional.of(new NodeInfo(SELF, "ailedger/test", 30303, List.of("eth/68")));
    }

    @Override
    public PeerChange addPeer(EnodeUrl peer) {
      if (peer.nodeId().equals(SELF.nodeId())) {
        return PeerChange.LOCAL_NODE;
      }
      if (peer.equals(notPermitted)) {
        return PeerChange.NOT_PERMITTED;
      }
      return kept.contains(peer) ? PeerChange.UNCHANGED : add(peer);
    }

    private PeerChange add(EnodeUrl peer) {
      kept.add(peer);
      return PeerChange.DONE;
    }

    @Override
    public PeerChange removePeer(EnodeUrl peer) {
      return kept.remove(peer) ? PeerChange.DONE : PeerChange.UNCHANGED;
    }
  }

  private final KeptPeers peers = new KeptPeers();

  private static RpcRequest request(String method, String... params) {
    var array = JsonNodeFactory.instance.arrayNode();
    for (String p : params) {
      array.add(p);
    }
    return new RpcRequest(method, RpcParams.of(array), Optional.empty());
  }

  @Test
  void addingAPeerTwiceSaysWhetherItWasNew() {
    AdminAddPeer add = new AdminAddPeer(peers);

    assertThat(add.execute(request("admin_addPeer", OTHER.toString())).asBoolean()).isTrue();
    assertThat(add.execute(request("admin_addPeer", OTHER.toString())).asBoolean()).isFalse();
    assertThat(peers.kept).containsExactly(OTHER);
    assertThat(
            new AdminRemovePeer(peers)
                .execute(request("admin_removePeer", OTHER.toString()))
                .asBoolean())
        .isTrue();
    assertThat(peers.kept).isEmpty();
  }

  @Test
  void refusalsAreTheErrorsBesuAnswersWith() {
    AdminAddPeer add = new AdminAddPeer(peers);
    peers.notPermitted = OTHER;

    assertThatThrownBy(() -> add.execute(request("admin_addPeer", SELF.toString())))
        .isInstanceOfSatisfying(
            RpcException.class,
            e -> assertThat(e.error()).isEqualTo(RpcError.CANT_CONNECT_TO_LOCAL_PEER));
    assertThatThrownBy(() -> add.execute(request("admin_addPeer", OTHER.toString())))
        .isInstanceOfSatisfying(
            RpcException.class, e -> assertThat(e.error()).isEqualTo(RpcError.PEER_NOT_PERMITTED));
    assertThatThrownBy(() -> add.execute(request("admin_addPeer", "enode://12@h:1")))
        .isInstanceOfSatisfying(
            RpcException.class,
            e -> {
              assertThat(e.error()).isEqualTo(RpcError.INVALID_PARAMS);
              assertThat(e.getMessage()).contains("128 hex");
            });
    assertThatThrownBy(
            () ->
                new AdminAddPeer(PeerSource.none())
                    .execute(request("admin_addPeer", OTHER.toString())))
        .isInstanceOfSatisfying(
            RpcException.class, e -> assertThat(e.error()).isEqualTo(RpcError.P2P_DISABLED));
  }

  @Test
  void nodeInfoNamesTheEnodeAndTheEthState() {
    TestChain chain = new TestChain(UInt256.ZERO);
    chain.append(List.of(), List.of());
    chain.append(List.of(), List.of());

    JsonNode info = new AdminNodeInfo(peers, chain).execute(request("admin_nodeInfo"));

    assertThat(info.get("enode").asText()).isEqualTo(SELF.toString());
    assertThat(info.get("id").asText()).hasSize(128).doesNotStartWith("0x");
    assertThat(info.get("listenAddr").asText()).isEqualTo("10.0.0.1:30303");
    assertThat(info.at("/ports/listener").asInt()).isEqualTo(30303);
    assertThat(info.at("/protocols/eth/difficulty").asLong()).isEqualTo(2);
    assertThat(info.at("/protocols/eth/network").asLong()).isEqualTo(TestChain.CHAIN_ID);
    assertThat(info.at("/protocols/eth/head").asText())
        .isEqualTo(chain.head().hash().toHexString());
  }
}

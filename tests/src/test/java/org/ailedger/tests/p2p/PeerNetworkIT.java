package org.ailedger.tests.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.node.genesis.DevnetGenesis;
import org.ailedger.node.genesis.GenesisWriter;
import org.ailedger.node.p2p.peers.EnodeUrl;
import org.ailedger.node.p2p.peers.StaticNodesFile;
import org.ailedger.tests.dsl.Await;
import org.ailedger.tests.dsl.NodeProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validators as separate processes find each other the way a consortium configures them: one names
 * the other in its static-nodes file, the other accepts because the node allowlist names the
 * dialler. A node the allowlist does not name is refused; a dropped static peer is redialled.
 */
class PeerNetworkIT {
  private static final Duration CONNECT = Duration.ofSeconds(30);
  private static final String GENESIS = new GenesisWriter().write(DevnetGenesis.spec(2));

  @TempDir Path dir;
  private final List<NodeProcess> nodes = new ArrayList<>();

  @AfterEach
  void stopAll() {
    nodes.forEach(NodeProcess::close);
  }

  private NodeProcess prepare(String name, KeyPair key) {
    NodeProcess node = NodeProcess.prepareNode(name, GENESIS, key);
    nodes.add(node);
    return node;
  }

  private Path staticNodes(String... enodes) throws IOException {
    Path file = Files.createTempFile(dir, "static", ".json");
    StaticNodesFile.write(file, Stream.of(enodes).map(EnodeUrl::parse).toList());
    return file;
  }

  private static List<String> peerIds(NodeProcess node) {
    List<String> ids = new ArrayList<>();
    node.rpc().result("admin_peers").forEach(p -> ids.add(p.get("id").asText()));
    return ids;
  }

  private static String id(NodeProcess node) {
    String enode = node.enode();
    return "0x" + enode.substring("enode://".length(), enode.indexOf('@'));
  }

  @Test
  void validatorsConnectThroughTheStaticNodesFileAndReportEachOther() throws Exception {
    NodeProcess a = prepare("peer-a", DevAccounts.validator(0));
    NodeProcess b = prepare("peer-b", DevAccounts.validator(1));
    b.start();
    a.start("--static-nodes-file", staticNodes(b.enode()).toString());

    Await.untilTrue(
        "a and b to list each other as peers",
        CONNECT,
        () -> peerIds(a).contains(id(b)) && peerIds(b).contains(id(a)));

    assertThat(a.rpc().result("net_peerCount").asText()).isEqualTo("0x1");
    assertThat(b.rpc().result("net_listening").asBoolean()).isTrue();
    JsonNode info = b.rpc().result("admin_nodeInfo");
    assertThat(info.get("enode").asText()).isEqualTo(b.enode());
    JsonNode peerOfA = a.rpc().result("admin_peers").get(0);
    assertThat(peerOfA.get("caps")).extracting(JsonNode::asText).contains("eth/68", "istanbul/100");
    assertThat(peerOfA.get("name").asText()).startsWith("ailedger/");
  }

  @Test
  void aDroppedStaticPeerIsRedialledWhenItComesBack() throws Exception {
    NodeProcess a = prepare("redial-a", DevAccounts.validator(0));
    NodeProcess b = prepare("redial-b", DevAccounts.validator(1));
    b.start();
    a.start("--static-nodes-file", staticNodes(b.enode()).toString());
    Await.untilTrue("a to connect to b", CONNECT, () -> peerIds(a).contains(id(b)));

    b.kill();
    Await.untilTrue("a to notice b is gone", CONNECT, () -> peerIds(a).isEmpty());
    b.restart();

    Await.untilTrue("a to redial b", CONNECT, () -> peerIds(a).contains(id(b)));
  }

  @Test
  void aNodeNotOnTheAllowlistIsRefusedAndAdminRemovePeerLetsAPeerGo() {
    NodeProcess a = prepare("gate-a", DevAccounts.validator(0));
    NodeProcess b = prepare("gate-b", DevAccounts.validator(1));
    NodeProcess stranger = prepare("gate-stranger", KeyPair.generate(new SecureRandom()));
    a.start();
    b.start();
    stranger.start();

    assertThat(stranger.rpc().result("admin_addPeer", a.enode()).asBoolean()).isTrue();
    assertThat(b.rpc().result("admin_addPeer", a.enode()).asBoolean()).isTrue();
    Await.untilTrue("b to connect to a", CONNECT, () -> peerIds(a).contains(id(b)));
    Await.holdsFor(
        "a to keep refusing the stranger",
        Duration.ofSeconds(3),
        () -> !peerIds(a).contains(id(stranger)) && peerIds(stranger).isEmpty());

    assertThat(b.rpc().result("admin_removePeer", a.enode()).asBoolean()).isTrue();
    Await.untilTrue("a and b to part", CONNECT, () -> peerIds(a).isEmpty());
    assertThat(b.rpc().result("admin_removePeer", a.enode()).asBoolean()).isFalse();
  }
}

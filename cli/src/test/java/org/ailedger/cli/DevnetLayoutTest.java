package org.ailedger.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ailedger.node.crypto.KeyFile;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.node.genesis.DevnetGenesis;
import org.ailedger.node.genesis.GenesisWriter;
import org.ailedger.node.p2p.peers.EnodeUrl;
import org.ailedger.node.p2p.peers.StaticNodesFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevnetLayoutTest {
  private static final DevnetPorts PORTS = new DevnetPorts(8545, 8546, 9545, 30303, 4);

  @TempDir Path dir;

  @Test
  void aNewDevnetGetsTheGenesisAKeyPerValidatorAndTheOtherThreeAsStaticPeers() throws Exception {
    DevnetLayout layout = new DevnetLayout(dir.resolve("devnet-data"));

    assertThat(layout.prepare(PORTS)).as("new").isTrue();

    assertThat(Files.readString(layout.genesisFile()))
        .isEqualTo(new GenesisWriter().write(DevnetGenesis.spec()));
    for (int i = 0; i < 4; i++) {
      assertThat(KeyFile.read(layout.keyFile(i)).address())
          .isEqualTo(DevAccounts.validator(i).address());
    }
    assertThat(StaticNodesFile.read(layout.staticNodesFile(2)))
        .extracting(EnodeUrl::port)
        .containsExactly(30303, 30304, 30306);
    assertThat(StaticNodesFile.read(layout.staticNodesFile(2)))
        .extracting(EnodeUrl::nodeId)
        .doesNotContain(DevAccounts.validator(2).publicKey());
  }

  @Test
  void aSecondStartReusesTheDevnetAndRewritesStaticPeersForItsPorts() {
    DevnetLayout layout = new DevnetLayout(dir);
    layout.prepare(PORTS);

    assertThat(layout.prepare(new DevnetPorts(8545, 8546, 9545, 40000, 4))).as("new").isFalse();
    assertThat(StaticNodesFile.read(layout.staticNodesFile(0)))
        .extracting(EnodeUrl::port)
        .containsExactly(40001, 40002, 40003);
  }

  @Test
  void aDirectoryOfTheOneValidatorDevnetIsExplainedWithTheWayOut() throws Exception {
    Files.writeString(
        dir.resolve("genesis.json"), new GenesisWriter().write(DevnetGenesis.spec(1)));
    DevnetLayout layout = new DevnetLayout(dir);

    assertThatThrownBy(() -> layout.prepare(PORTS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a devnet of 1 validator, made by an earlier ailedger")
        .hasMessageContaining("ailedger devnet --reset");
  }

  @Test
  void resetDeletesTheWholeDirectory() {
    DevnetLayout layout = new DevnetLayout(dir.resolve("devnet-data"));
    layout.prepare(PORTS);

    layout.delete();

    assertThat(dir.resolve("devnet-data")).doesNotExist();
  }
}

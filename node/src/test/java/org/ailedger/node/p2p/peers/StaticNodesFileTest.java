package org.ailedger.node.p2p.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ailedger.node.genesis.DevAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticNodesFileTest {
  @TempDir Path dir;

  @Test
  void whatIsWrittenIsReadBack() {
    List<EnodeUrl> nodes =
        List.of(
            new EnodeUrl(DevAccounts.validator(1).publicKey(), "10.0.0.2", 30304),
            new EnodeUrl(DevAccounts.validator(2).publicKey(), "validator-2", 30305));
    Path file = dir.resolve("static-nodes.json");

    StaticNodesFile.write(file, nodes);

    assertThat(StaticNodesFile.read(file)).isEqualTo(nodes);
    assertThat(file).content().startsWith("[\n  \"enode://");
  }

  @Test
  void aFullMeshNamesEveryOtherNodeInEachFile() {
    List<EnodeUrl> nodes =
        List.of(
            new EnodeUrl(DevAccounts.validator(0).publicKey(), "h0", 30303),
            new EnodeUrl(DevAccounts.validator(1).publicKey(), "h1", 30304),
            new EnodeUrl(DevAccounts.validator(2).publicKey(), "h2", 30305));

    StaticNodesFile.writeFullMesh(nodes, i -> dir.resolve("v" + i + ".json"));

    assertThat(StaticNodesFile.read(dir.resolve("v0.json")))
        .containsExactly(nodes.get(1), nodes.get(2));
    assertThat(StaticNodesFile.read(dir.resolve("v1.json")))
        .containsExactly(nodes.get(0), nodes.get(2));
    assertThat(StaticNodesFile.read(dir.resolve("v2.json")))
        .containsExactly(nodes.get(0), nodes.get(1));
  }

  @Test
  void anEmptyArrayMeansNoStaticPeers() throws Exception {
    Path file = Files.writeString(dir.resolve("s.json"), "[]");

    assertThat(StaticNodesFile.read(file)).isEmpty();
  }

  @Test
  void namesTheFileAndTheEntryThatIsWrong() throws Exception {
    Path notArray = Files.writeString(dir.resolve("a.json"), "{\"x\":1}");
    Path badEntry = Files.writeString(dir.resolve("b.json"), "[\"enode://12@h:1\"]");
    Path number = Files.writeString(dir.resolve("c.json"), "[1]");

    assertThatThrownBy(() -> StaticNodesFile.read(notArray)).hasMessageContaining("JSON array");
    assertThatThrownBy(() -> StaticNodesFile.read(badEntry))
        .hasMessageContaining("b.json")
        .hasMessageContaining("entry 0");
    assertThatThrownBy(() -> StaticNodesFile.read(number)).hasMessageContaining("string");
    assertThatThrownBy(() -> StaticNodesFile.read(dir.resolve("missing.json")))
        .hasMessageContaining("cannot read");
  }
}

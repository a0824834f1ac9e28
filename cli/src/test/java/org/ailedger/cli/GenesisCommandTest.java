package org.ailedger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ailedger.node.crypto.KeyFile;
import org.ailedger.node.genesis.GenesisConfig;
import org.ailedger.node.genesis.GenesisParser;
import org.ailedger.node.p2p.peers.EnodeUrl;
import org.ailedger.node.p2p.peers.StaticNodesFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenesisCommandTest {
  @TempDir Path dir;
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return new CommandLine(new AiLedger())
        .setExecutionExceptionHandler(new CliExceptionHandler())
        .setErr(new PrintWriter(err))
        .execute(args);
  }

  @Test
  void newNetworkNamesItsValidatorsAndAnAdministratorWithEveryRole() {
    Path out = dir.resolve("net");

    assertThat(
            run(
                "genesis",
                "new",
                "--validators",
                "3",
                "--out",
                out.toString(),
                "--chain-id",
                "4242"))
        .isZero();

    GenesisConfig genesis = new GenesisParser().parse(out.resolve("genesis.json"));
    assertThat(genesis.chainId()).isEqualTo(4242);
    assertThat(genesis.validators())
        .containsExactly(
            KeyFile.read(out.resolve("validator-0/key")).address(),
            KeyFile.read(out.resolve("validator-1/key")).address(),
            KeyFile.read(out.resolve("validator-2/key")).address());
    assertThat(genesis.nodes()).isEqualTo(genesis.validators());
    assertThat(genesis.accounts())
        .singleElement()
        .satisfies(
            admin -> {
              assertThat(admin.address())
                  .isEqualTo(KeyFile.read(out.resolve("admin.key")).address());
              assertThat(admin.roles())
                  .containsExactlyInAnyOrder("MODEL_OWNER", "AGGREGATOR", "CONTRIBUTOR", "AUDITOR");
            });
    assertThat(out.resolve("validator-1/node.args"))
        .content()
        .contains("--rpc-http-port=8555", "--p2p-port=30304", "--genesis-file=genesis.json");
  }

  @Test
  void eachValidatorDialsEveryOtherByItsEnode() {
    Path out = dir.resolve("net");

    assertThat(
            run(
                "genesis",
                "new",
                "--validators",
                "3",
                "--out",
                out.toString(),
                "--p2p-hosts",
                "validator-0,validator-1,validator-2"))
        .isZero();

    for (int i = 0; i < 3; i++) {
      List<EnodeUrl> expected = new ArrayList<>();
      for (int j = 0; j < 3; j++) {
        if (j != i) {
          expected.add(
              new EnodeUrl(
                  KeyFile.read(out.resolve("validator-" + j + "/key")).publicKey(),
                  "validator-" + j,
                  30303 + j));
        }
      }
      assertThat(StaticNodesFile.read(out.resolve("validator-" + i + "/static-nodes.json")))
          .isEqualTo(expected);
      assertThat(out.resolve("validator-" + i + "/node.args"))
          .content()
          .contains(
              "--p2p-host=validator-" + i,
              "--static-nodes-file=validator-" + i + "/static-nodes.json");
    }
  }

  @Test
  void refusesAHostListThatDoesNotMatchTheValidators() {
    assertThat(
            run(
                "genesis",
                "new",
                "--validators",
                "2",
                "--out",
                dir.resolve("net").toString(),
                "--p2p-hosts",
                "a"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("one per validator");
  }

  @Test
  void refusesToOverwriteAnExistingNetwork() throws Exception {
    Path out = dir.resolve("net");
    Files.createDirectories(out);
    Files.writeString(out.resolve("genesis.json"), "{}");

    assertThat(run("genesis", "new", "--validators", "1", "--out", out.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("is not empty");
    assertThat(out.resolve("genesis.json")).hasContent("{}");
  }

  @Test
  void refusesTheDevnetChainId() {
    assertThat(
            run(
                "genesis",
                "new",
                "--validators",
                "1",
                "--out",
                dir.resolve("x").toString(),
                "--chain-id",
                "1337"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("reserved for the devnet");
  }
}

package org.ailedger.cli.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.ailedger.cli.InProcessDevnet;
import org.ailedger.cli.InProcessDevnet.Result;
import org.ailedger.cli.client.LedgerId;
import org.ailedger.node.genesis.DevAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCommandsIT {
  private static final String CONTENT = "0x" + "c0".repeat(32);

  @TempDir static Path dir;
  private static InProcessDevnet devnet;

  @BeforeAll
  static void start() {
    devnet = new InProcessDevnet(dir);
  }

  @AfterAll
  static void stop() {
    devnet.close();
  }

  @Test
  void attestForWithAnOwnerKeySignedLocallyIsOwnedByTheOwnerNotTheRelayer() {
    JsonNode relayed =
        devnet
            .run(
                "dataset",
                "attest-for",
                "--key",
                "dev:0",
                "--owner-key",
                "dev:3",
                "--dataset",
                "relayed-by-key",
                "--content-hash",
                CONTENT,
                "--uri",
                "s3://lab/scans",
                "--license",
                "CC0-1.0",
                "--json")
            .json();

    assertThat(relayed.get("owner").asText()).isEqualTo(address(3));
    assertThat(relayed.get("relayer").asText()).isEqualTo(address(0));
    assertThat(relayed.get("events"))
        .extracting(e -> e.get("event").asText())
        .containsExactly("DatasetAttested", "AttestationRelayed");
    assertThat(relayed.get("events").get(1).get("relayer").asText()).isEqualTo(address(0));
    JsonNode shown = devnet.run("dataset", "show", "--dataset", "relayed-by-key", "--json").json();
    assertThat(shown.get("owner").asText()).isEqualTo(address(3));
    assertThat(shown.get("uri").asText()).isEqualTo("s3://lab/scans");
    assertThat(shown.get("license").asText()).isEqualTo("CC0-1.0");
    assertThat(shown.get("contentHash").asText()).isEqualTo(CONTENT);
  }

  @Test
  void anAttestationSignedOfflineIsRelayedWithItsSignature() {
    long deadline = System.currentTimeMillis() / 1000 + 600;
    JsonNode signed =
        InProcessDevnet.offline(
                "dataset",
                "sign-attestation",
                "--owner-key",
                "dev:4",
                "--dataset",
                "signed-offline",
                "--content-hash",
                CONTENT,
                "--uri",
                "ipfs://x y",
                "--nonce",
                "0",
                "--chain-id",
                "1337",
                "--deadline",
                Long.toString(deadline),
                "--json")
            .json();
    String signature = signed.get("signature").asText();
    assertThat(signature).matches("0x[0-9a-f]{130}");
    assertThat(signed.get("relayCommand").asText())
        .contains("--signature " + signature)
        .contains("--uri 'ipfs://x y'");

    JsonNode relayed =
        devnet
            .run(
                "dataset",
                "attest-for",
                "--key",
                "dev:5",
                "--owner",
                address(4),
                "--signature",
                signature,
                "--deadline",
                Long.toString(deadline),
                "--dataset",
                "signed-offline",
                "--content-hash",
                CONTENT,
                "--uri",
                "ipfs://x y",
                "--json")
            .json();

    assertThat(relayed.get("events").get(1).get("owner").asText()).isEqualTo(address(4));
    assertThat(
            devnet
                .run("dataset", "show", "--dataset", "signed-offline", "--json")
                .json()
                .get("owner")
                .asText())
        .isEqualTo(address(4));
  }

  @Test
  void aSignatureOverOtherContentIsRefusedWithTheContractsReason() {
    long deadline = System.currentTimeMillis() / 1000 + 600;
    String signature =
        devnet
            .run(
                "dataset",
                "sign-attestation",
                "--owner-key",
                "dev:6",
                "--dataset",
                "tampered",
                "--content-hash",
                CONTENT,
                "--deadline",
                Long.toString(deadline),
                "--json")
            .json()
            .get("signature")
            .asText();

    Result refused =
        devnet.run(
            "dataset",
            "attest-for",
            "--key",
            "dev:0",
            "--owner",
            address(6),
            "--signature",
            signature,
            "--deadline",
            Long.toString(deadline),
            "--dataset",
            "tampered",
            "--content-hash",
            "0x" + "66".repeat(32));

    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err())
        .startsWith("error: signature for dataset")
        .contains("is not by owner " + address(6));
  }

  @Test
  void lineageMarksTheRevokedAncestorAndTheTaintedDescendants() {
    devnet
        .run(
            "dataset",
            "attest",
            "--key",
            "dev:2",
            "--dataset",
            "lineage-root",
            "--content-hash",
            CONTENT,
            "--uri",
            "s3://root")
        .ok();
    devnet
        .run(
            "dataset",
            "attest",
            "--key",
            "dev:2",
            "--dataset",
            "lineage-mid",
            "--content-hash",
            CONTENT,
            "--parent",
            "lineage-root")
        .ok();
    devnet
        .run(
            "dataset",
            "attest",
            "--key",
            "dev:2",
            "--dataset",
            "lineage-leaf",
            "--content-hash",
            CONTENT,
            "--parent",
            "lineage-mid")
        .ok();
    JsonNode before = devnet.run("dataset", "lineage", "--dataset", "lineage-mid", "--json").json();
    assertThat(before.get("dataset").get("tainted").asBoolean()).isFalse();

    devnet
        .run(
            "dataset",
            "revoke",
            "--key",
            "dev:2",
            "--dataset",
            "lineage-root",
            "--reason",
            "consent withdrawn")
        .ok();

    String root = LedgerId.keccak("lineage-root").toHexString();
    String leaf = LedgerId.keccak("lineage-leaf").toHexString();
    JsonNode after = devnet.run("dataset", "lineage", "--dataset", "lineage-mid", "--json").json();
    assertThat(after.get("dataset").get("tainted").asBoolean()).isTrue();
    assertThat(after.get("dataset").get("taintSource").asText()).isEqualTo(root);
    assertThat(after.get("ancestors"))
        .singleElement()
        .satisfies(
            parent -> {
              assertThat(parent.get("datasetId").asText()).isEqualTo(root);
              assertThat(parent.get("revoked").asBoolean()).isTrue();
            });
    assertThat(after.get("descendants"))
        .singleElement()
        .satisfies(
            child -> {
              assertThat(child.get("datasetId").asText()).isEqualTo(leaf);
              assertThat(child.get("revoked").asBoolean()).isFalse();
              assertThat(child.get("taintSource").asText()).isEqualTo(root);
            });
    String text = devnet.run("dataset", "lineage", "--dataset", "lineage-leaf").ok().out();
    assertThat(text)
        .contains(root + "  s3://root  [revoked]")
        .contains("[tainted by " + root + "]");
    JsonNode shallow =
        devnet
            .run("dataset", "lineage", "--dataset", "lineage-leaf", "--depth", "1", "--json")
            .json();
    assertThat(shallow.get("ancestors").get(0).get("notShown").asInt())
        .as("the root is beyond depth 1")
        .isEqualTo(1);
  }

  @Test
  void onlyAnAuditorMayEndorse() {
    devnet
        .run(
            "dataset",
            "attest",
            "--key",
            "dev:7",
            "--dataset",
            "to-endorse",
            "--content-hash",
            CONTENT)
        .ok();

    List<Result> both =
        devnet.parallel(
            new String[] {
              "dataset", "endorse", "--key", "dev:5", "--dataset", "to-endorse", "--json"
            },
            new String[] {"dataset", "endorse", "--key", "dev:8", "--dataset", "to-endorse"});

    assertThat(both.get(0).json().get("events").get(0).get("auditor").asText())
        .isEqualTo(address(5));
    assertThat(both.get(1).exit()).isEqualTo(1);
    assertThat(both.get(1).err()).startsWith("error: caller " + address(8) + " lacks role AUDITOR");
    assertThat(
            devnet
                .run("dataset", "show", "--dataset", "to-endorse", "--json")
                .json()
                .get("endorsements")
                .asInt())
        .isEqualTo(1);
  }

  @Test
  void anUnknownDatasetIsNamedInTheError() {
    Result missing = devnet.run("dataset", "show", "--dataset", "never-attested");

    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("does not exist").contains("keccak256(\"never-attested\")");
  }

  private static String address(int devAccount) {
    return DevAccounts.account(devAccount).address().toHexString();
  }
}

package org.ailedger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.ailedger.cli.InProcessDevnet.Result;
import org.ailedger.node.crypto.KeyFile;
import org.ailedger.node.genesis.DevAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the ledger commands do before they reach a node: usage errors, offline signing, refusals.
 */
class LedgerCommandsTest {
  /** Nothing listens on port 1, so a connection is refused at once. */
  private static final String NO_NODE = "--rpc=http://127.0.0.1:1";

  private static final String HASH = "0x" + "ab".repeat(32);

  @TempDir Path dir;

  @Test
  void theLedgerCommandsAreListedInTheHelp() {
    Result help = InProcessDevnet.offline("--help");

    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("model", "dataset", "token");
    assertThat(InProcessDevnet.offline("model", "--help").out())
        .contains("register", "open-round", "submit", "finalize", "show");
    assertThat(InProcessDevnet.offline("dataset", "--help").out())
        .contains(
            "attest", "attest-for", "sign-attestation", "endorse", "revoke", "show", "lineage");
    assertThat(InProcessDevnet.offline("token", "--help").out()).contains("balance", "transfer");
  }

  @Test
  void aSubmissionWithoutTheUpdateIsAUsageError() {
    Result result =
        InProcessDevnet.offline("model", "submit", "--model", "m", "--samples", "1", NO_NODE);

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("give --update-file FILE or --update-hash 0x…");
  }

  @Test
  void aFileAndAHashForTheSameValueAreAUsageError() {
    Result result =
        InProcessDevnet.offline(
            "model",
            "submit",
            "--model",
            "m",
            "--samples",
            "1",
            "--update-file",
            "x.bin",
            "--update-hash",
            HASH,
            NO_NODE);

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("--update-file and --update-hash are mutually exclusive");
  }

  @Test
  void keyAndKeyFileTogetherAreAUsageError() {
    Path keyFile = dir.resolve("key");
    KeyFile.write(keyFile, DevAccounts.account(1));

    Result result =
        InProcessDevnet.offline(
            "token",
            "transfer",
            "--to",
            "dev:2",
            "--amount",
            "1",
            "--key",
            "dev:1",
            "--key-file",
            keyFile.toString(),
            NO_NODE);

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("--key and --key-file are mutually exclusive");
  }

  @Test
  void finalizeNeedsAnExplicitChoiceOfAcceptedUpdates() {
    Result result =
        InProcessDevnet.offline(
            "model", "finalize", "--model", "m", "--aggregate-hash", HASH, NO_NODE);

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .contains("--accept ADDR[=WEIGHT] (repeatable), --accept-all or --accept-none");
  }

  @Test
  void anUnreachableNodeIsReportedInOneLine() {
    Result result = InProcessDevnet.offline("token", "balance", "--account", "dev:0", NO_NODE);

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err())
        .startsWith("error: cannot reach the node at http://127.0.0.1:1")
        .doesNotContain("\tat ");
    assertThat(result.err().lines()).hasSize(1);
  }

  @Test
  void signingOfflineNeedsNoNodeAndIsDeterministic() {
    String[] args = {
      "dataset",
      "sign-attestation",
      "--owner-key",
      "dev:3",
      "--dataset",
      "d",
      "--content-hash",
      HASH,
      "--nonce",
      "0",
      "--chain-id",
      "1337",
      "--deadline",
      "1800000000",
      "--json",
      NO_NODE
    };

    Result first = InProcessDevnet.offline(args);
    Result second = InProcessDevnet.offline(args);

    assertThat(first.json().get("signature").asText())
        .isEqualTo(second.json().get("signature").asText());
    assertThat(first.json().get("owner").asText())
        .isEqualTo(DevAccounts.account(3).address().toHexString());
    assertThat(first.json().get("chainId").asLong()).isEqualTo(1337);
  }

  @Test
  void aPublicDevnetOwnerKeyIsRefusedForAnyOtherChain() {
    Result result =
        InProcessDevnet.offline(
            "dataset",
            "sign-attestation",
            "--owner-key",
            "dev:3",
            "--dataset",
            "d",
            "--content-hash",
            HASH,
            "--nonce",
            "0",
            "--chain-id",
            "4242",
            NO_NODE);

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err()).contains("refusing to sign with a public devnet key on chain id 4242");
  }

  @Test
  void lineageDepthIsBounded() {
    Result result =
        InProcessDevnet.offline("dataset", "lineage", "--dataset", "d", "--depth", "0", NO_NODE);

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("--depth must be 1 to 64");
  }
}

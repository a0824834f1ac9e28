package org.ailedger.cli.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.ailedger.cli.InProcessDevnet;
import org.ailedger.cli.InProcessDevnet.Result;
import org.ailedger.node.genesis.DevAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCommandsIT {
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

  private static String address(int devAccount) {
    return DevAccounts.account(devAccount).address().toHexString();
  }

  @Test
  void balanceShowsGenesisTokensAsDecimalTokens() {
    JsonNode balance = devnet.run("token", "balance", "--account", address(6), "--json").json();

    assertThat(balance.get("account").asText()).isEqualTo(address(6));
    assertThat(balance.get("balance").asText()).isEqualTo("10000");
    assertThat(balance.get("symbol").asText()).isEqualTo("ACT");
  }

  @Test
  void balanceDefaultsToTheKeysAccountAndPrintsReadableText() {
    Result text = devnet.run("token", "balance", "--key", "dev:9").ok();

    assertThat(text.out()).contains("account:", address(9)).contains("balance:", "2500");
  }

  @Test
  void transferMovesFractionalTokensAndReportsTheTransferEvent() {
    JsonNode sent =
        devnet
            .run(
                "token",
                "transfer",
                "--key",
                "dev:7",
                "--to",
                "dev:8",
                "--amount",
                "12.5",
                "--json")
            .json();

    assertThat(sent.get("amount").asText()).isEqualTo("12.5");
    assertThat(sent.get("transaction").asText()).matches("0x[0-9a-f]{64}");
    assertThat(sent.get("block").asLong()).isPositive();
    JsonNode transfer = sent.get("events").get(0);
    assertThat(transfer.get("event").asText()).isEqualTo("Transfer");
    assertThat(transfer.get("from").asText()).isEqualTo(address(7));
    assertThat(transfer.get("to").asText()).isEqualTo(address(8));
    assertThat(transfer.get("value").asText()).isEqualTo("12.5");
    assertThat(
            devnet
                .run("token", "balance", "--account", address(7), "--json")
                .json()
                .get("balance")
                .asText())
        .isEqualTo("3987.5");
    assertThat(
            devnet
                .run("token", "balance", "--account", address(8), "--json")
                .json()
                .get("balance")
                .asText())
        .isEqualTo("5012.5");
    long before = sent.get("block").asLong() - 1;
    assertThat(
            devnet
                .run(
                    "token",
                    "balance",
                    "--account",
                    address(7),
                    "--block",
                    Long.toString(before),
                    "--json")
                .json()
                .get("balance")
                .asText())
        .isEqualTo("4000");
  }

  @Test
  void transferToAnAccountThatIsNotPermittedIsRefusedWithTheContractsReason() {
    String stranger = "0x00000000000000000000000000000000000000aa";

    Result refused =
        devnet.run("token", "transfer", "--key", "dev:6", "--to", stranger, "--amount", "1");

    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).startsWith("error: ").contains(stranger).contains("permitted");
    assertThat(refused.out()).isEmpty();
    assertThat(
            devnet
                .run("token", "balance", "--account", address(6), "--json")
                .json()
                .get("balance")
                .asText())
        .isEqualTo("10000");
  }

  @Test
  void transferOfMoreThanTheBalanceIsRefused() {
    Result refused =
        devnet.run("token", "transfer", "--key", "dev:5", "--to", "dev:6", "--amount", "1");

    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).startsWith("error: ").containsIgnoringCase("balance");
  }

  @Test
  void aTransferWithoutAKeyAsksForOne() {
    Result refused = devnet.run("token", "transfer", "--to", "dev:6", "--amount", "1");

    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err())
        .isEqualTo("error: this command sends a transaction: give --key or --key-file\n");
  }

  @Test
  void amountsFinerThanTheSmallestUnitAreAUsageError() {
    Result refused =
        devnet.run(
            "token",
            "transfer",
            "--key",
            "dev:6",
            "--to",
            "dev:7",
            "--amount",
            "0.0000000000000000001");

    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("more than 18 decimals");
  }

  @Test
  void aPublicDevnetKeyIsAcceptedOnTheDevnet() {
    List<Result> both =
        devnet.parallel(
            new String[] {"token", "balance", "--key", "dev:0", "--json"},
            new String[] {
              "token",
              "balance",
              "--key",
              DevAccounts.account(6).privateKey().bytes().toHexString(),
              "--json"
            });

    assertThat(both.get(0).json().get("balance").asText()).isEqualTo("100000");
    assertThat(both.get(1).json().get("account").asText()).isEqualTo(address(6));
  }
}

package org.ailedger.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.ailedger.node.genesis.DevAccounts;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

/**
 * The submit-update workload against a real anvil process, as bench/run-network --with-anvil starts
 * it: the generator deploys the Solidity contracts, and the rules revert there as on our node.
 * Skipped when anvil is not installed (npm ci in tests/, or ANVIL naming the binary).
 */
class AnvilLoadIT {
  private static final String UPDATE_SUBMITTED =
      Hash.sha3String("UpdateSubmitted(bytes32,uint64,address,bytes32,uint64)");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

  private Process anvil;
  private JsonRpcClient client;
  private URI rpc;

  @BeforeEach
  void startAnvil() throws IOException, InterruptedException {
    Path binary =
        System.getenv("ANVIL") != null
            ? Path.of(System.getenv("ANVIL"))
            : Path.of(
                "..", "tests", "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");
    assumeTrue(Files.isExecutable(binary), "anvil is not installed at " + binary);
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    anvil =
        new ProcessBuilder(
                binary.toString(),
                "--block-time",
                "1",
                "--gas-limit",
                "300000000",
                "--chain-id",
                Long.toString(DevAccounts.DEVNET_CHAIN_ID),
                "--block-base-fee-per-gas",
                "0",
                "--gas-price",
                "0",
                "--accounts",
                "140",
                "--port",
                Integer.toString(port),
                "--silent")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    rpc = URI.create("http://127.0.0.1:" + port);
    client = new JsonRpcClient(rpc, Duration.ofSeconds(10));
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!(client.call("eth_chainId") instanceof RpcOutcome.Success)) {
      assertThat(anvil.isAlive()).as("anvil is running").isTrue();
      assertThat(System.nanoTime())
          .as("anvil answers within the start timeout")
          .isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  @AfterEach
  void stopAnvil() throws InterruptedException {
    if (anvil != null) {
      anvil.destroy();
      anvil.waitFor();
    }
  }

  @Test
  void everySubmitUpdateCommitsOnAnvilAgainstTheDeployedContracts() throws InterruptedException {
    LoadSettings settings =
        new LoadSettings(
            rpc,
            4,
            Duration.ofSeconds(1),
            Duration.ofSeconds(3),
            0,
            16,
            1,
            400,
            2,
            Duration.ofSeconds(10),
            Workload.SUBMIT_UPDATE);
    LoadReport report = new LoadRun(settings, OptionalLong.of(anvil.pid()), List.of()).execute();

    assertThat(report.submits().rejections().total()).isZero();
    assertThat(report.submits().sendersStopped()).isZero();
    assertThat(report.committed()).isEqualTo(report.submits().accepted()).isPositive();
    assertThat(report.failedReceipts()).isZero();
    assertThat(report.missingReceipts()).isZero();
    // every committed load transaction emitted its UpdateSubmitted, from a contract, not 0x…1001
    ObjectNode filter = JsonNodeFactory.instance.objectNode();
    filter.put("fromBlock", "earliest");
    filter.put("toBlock", "latest");
    filter.putArray("topics").add(UPDATE_SUBMITTED);
    RpcOutcome logs = client.call("eth_getLogs", filter);
    assertThat(logs).isInstanceOf(RpcOutcome.Success.class);
    assertThat((long) ((RpcOutcome.Success) logs).result().size()).isEqualTo(report.committed());
  }

  @Test
  void submitUpdateBreakingARuleRevertsOnAnvil() throws InterruptedException {
    LedgerContracts contracts =
        new SolidityLedger(
                new SetupSender(
                    client,
                    DevAccounts.DEVNET_CHAIN_ID,
                    UInt256.valueOf(client.quantity("eth_gasPrice")).multiply(2)))
            .deploy();
    SubmitUpdateRules rules = new SubmitUpdateRules(client, contracts);
    SubmitUpdateCalls committed = rules.oneCommittedUpdate();

    assertThat(rules.secondUpdateOfTheSameContributor(committed))
        .contains("execution reverted")
        .contains("already submitted an update");
    assertThat(rules.updateCitingATaintedDataset(committed))
        .contains("execution reverted")
        .contains("is tainted");
  }
}

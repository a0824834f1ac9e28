package org.ailedger.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.ailedger.node.app.LedgerNode;
import org.ailedger.node.app.NodeConfig;
import org.ailedger.node.crypto.KeyFile;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.node.genesis.DevnetGenesis;
import org.ailedger.node.genesis.GenesisWriter;
import org.ailedger.node.p2p.peers.PeersConfig;
import org.ailedger.precompiles.NativeAddresses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Hash;

/** A short load run against a real one-validator devnet node in this JVM. */
class LoadRunIT {
  private static final String UPDATE_SUBMITTED =
      Hash.sha3String("UpdateSubmitted(bytes32,uint64,address,bytes32,uint64)");
  @TempDir Path dir;
  private LedgerNode node;

  @BeforeEach
  void startNode() throws Exception {
    Path genesis = dir.resolve("genesis.json");
    Files.writeString(genesis, new GenesisWriter().write(DevnetGenesis.spec(1)));
    Path key = dir.resolve("key");
    KeyFile.write(key, DevAccounts.validator(0));
    node =
        new LedgerNode(
            new NodeConfig(
                dir.resolve("data"),
                genesis,
                Optional.of(key),
                "127.0.0.1",
                0,
                0,
                0,
                List.of("*"),
                false,
                "ailedger/test",
                NodeConfig.DEFAULT_BLOCK_TXS_SELECTION_PERCENT,
                PeersConfig.disabled(),
                0),
            Clock.systemUTC());
    node.start();
  }

  @AfterEach
  void stopNode() {
    node.close();
  }

  private LoadReport run(Workload workload, int batch) throws InterruptedException {
    LoadSettings settings =
        new LoadSettings(
            URI.create("http://127.0.0.1:" + node.httpPort()),
            4,
            Duration.ofSeconds(1),
            Duration.ofSeconds(4),
            0,
            16,
            batch,
            400,
            2,
            Duration.ofSeconds(10),
            workload);
    return new LoadRun(
            settings,
            OptionalLong.of(ProcessHandle.current().pid()),
            List.of(ProcessHandle.current().pid()))
        .execute();
  }

  @Test
  void everyAcceptedTransferCommitsAndIsCounted() throws InterruptedException {
    LoadReport report = run(Workload.TRANSFER, 1);

    assertThat(report.submits().rejections().total()).isZero();
    assertThat(report.submits().sendersStopped()).isZero();
    assertThat(report.submits().accepted()).isPositive();
    assertThat(report.committed()).isEqualTo(report.submits().accepted());
    assertThat(report.throughput()).isPresent();
    assertThat(report.throughput().get().transactions()).isPositive();
    assertThat(report.inclusion().count()).isPositive();
    assertThat(report.receipts().count()).isPositive();
    assertThat(report.failedReceipts()).isZero();
    assertThat(report.missingReceipts()).isZero();
    // the node runs in this JVM: its JSON-RPC threads show in the split by thread — the event
    // loop (light reads) or the workers (submissions); /proc counts in 10 ms ticks, so in a run
    // this short one of the two may round to nothing
    assertThat(report.threads())
        .singleElement()
        .satisfies(
            split ->
                assertThat(split.byThread().keySet())
                    .containsAnyOf("ailedger-rpc", "vert.x-eventloo"));
  }

  @Test
  void batchedPermissionChecksSucceedToo() throws InterruptedException {
    LoadReport report = run(Workload.PERMISSION_CHECK, 8);

    assertThat(report.submits().rejections().total()).isZero();
    assertThat(report.committed()).isEqualTo(report.submits().accepted()).isPositive();
    assertThat(report.receipts().count()).isPositive();
    assertThat(report.failedReceipts()).isZero();
  }

  @Test
  void submitUpdatesGoToOpenRoundsAndEachCommitsItsEvent() throws InterruptedException {
    LoadReport report = run(Workload.SUBMIT_UPDATE, 8);

    assertThat(report.submits().rejections().total()).isZero();
    assertThat(report.committed()).isEqualTo(report.submits().accepted()).isPositive();
    assertThat(report.receipts().count()).isPositive();
    assertThat(report.failedReceipts()).isZero();
    // every committed load transaction is a successful submitUpdate: one UpdateSubmitted each
    JsonRpcClient client =
        new JsonRpcClient(
            URI.create("http://127.0.0.1:" + node.httpPort()), Duration.ofSeconds(10));
    ObjectNode filter = JsonNodeFactory.instance.objectNode();
    filter.put("fromBlock", "earliest");
    filter.put("toBlock", "latest");
    filter.put("address", NativeAddresses.MODEL_REGISTRY.toHexString());
    filter.putArray("topics").add(UPDATE_SUBMITTED);
    RpcOutcome logs = client.call("eth_getLogs", filter);
    assertThat(logs).isInstanceOf(RpcOutcome.Success.class);
    assertThat((long) ((RpcOutcome.Success) logs).result().size()).isEqualTo(report.committed());
  }

  @Test
  void submitUpdateBreakingARuleReverts() throws InterruptedException {
    SubmitUpdateRules rules =
        new SubmitUpdateRules(
            new JsonRpcClient(
                URI.create("http://127.0.0.1:" + node.httpPort()), Duration.ofSeconds(10)),
            LedgerContracts.NATIVE);
    SubmitUpdateCalls committed = rules.oneCommittedUpdate();

    // the same reasons as the Solidity versions give on anvil (AnvilLoadIT)
    assertThat(rules.secondUpdateOfTheSameContributor(committed))
        .contains("execution reverted")
        .contains("already submitted an update");
    assertThat(rules.updateCitingATaintedDataset(committed))
        .contains("execution reverted")
        .contains("is tainted");
  }

  @Test
  void theNextRunContinuesFromThePendingNonces() throws InterruptedException {
    LoadReport first = run(Workload.TRANSFER, 4);
    LoadReport second = run(Workload.TRANSFER, 4);

    assertThat(first.submits().rejections().total()).isZero();
    assertThat(second.submits().rejections().total()).isZero();
    assertThat(second.committed()).isEqualTo(second.submits().accepted()).isPositive();
  }
}

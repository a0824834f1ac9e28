package org.ailedger.tests.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ailedger.tests.dsl.Await;
import org.ailedger.tests.dsl.Devnet;
import org.ailedger.tests.dsl.DevnetNode;
import org.ailedger.tests.dsl.JsonRpc;
import org.ailedger.tests.dsl.NodeProcess;
import org.ailedger.tests.dsl.Prometheus;
import org.ailedger.tests.dsl.SignedTransactions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.websocket.WebSocketService;

/**
 * What an operator's Prometheus sees on a running validator: the JSON-RPC calls a client made, per
 * method and outcome, with a latency histogram each; the pool's admissions and its refusals by
 * reason; block timings and gas; the JVM. And the Grafana dashboard shipped in docker/ asks only
 * for series the node really exports, so the two cannot drift apart.
 */
class NodeMetricsIT {
  @RegisterExtension static final DevnetNode NODE = new DevnetNode("node-metrics");

  private static final Path DASHBOARD =
      Path.of("..", "docker", "grafana", "dashboards", "ailedger-node.json");
  private static final Pattern METRIC_NAME =
      Pattern.compile("\\b((?:ailedger|jvm|process|system)_[a-z0-9_]+)\\b");

  /**
   * Micrometer registers the GC pause timer when the first collection is reported, which a node
   * that just started may not have had yet; the dashboard's GC panel reads it all the same.
   */
  private static final Set<String> AFTER_FIRST_GC =
      Set.of("jvm_gc_pause_seconds_sum", "jvm_gc_pause_seconds_count");

  private static final String TO = "0x00000000000000000000000000000000000000aa";
  private static final long TRANSFER_GAS = 21_000;

  @Test
  void callsAreCountedAndTimedPerMethodTransportAndOutcome() throws Exception {
    NodeProcess node = NODE.node();
    JsonRpc rpc = node.rpc();
    Prometheus before = node.metrics();

    for (int i = 0; i < 5; i++) {
      rpc.result("eth_blockNumber");
    }
    for (int i = 0; i < 3; i++) {
      rpc.result("eth_getBalance", TO, "latest");
    }
    assertThat(rpc.call("eth_getBalance", "0xnot-an-address", "latest").isError()).isTrue();
    assertThat(rpc.call("eth_noSuchMethod_" + System.nanoTime()).isError()).isTrue();
    rpc.batch(List.of(rpc.request("eth_chainId"), rpc.request("eth_chainId")));
    WebSocketService socket = new WebSocketService(node.wsUrl().toString(), false);
    socket.connect();
    Web3j ws = Web3j.build(socket);
    try {
      ws.ethBlockNumber().send();
      ws.ethBlockNumber().send();
    } finally {
      ws.shutdown();
    }
    Prometheus after = node.metrics();

    assertThat(grew(before, after, requests("eth_blockNumber", "http", "ok"))).isEqualTo(5);
    assertThat(grew(before, after, requests("eth_getBalance", "http", "ok"))).isEqualTo(3);
    assertThat(grew(before, after, requests("eth_getBalance", "http", "invalid_params")))
        .isEqualTo(1);
    assertThat(grew(before, after, requests("unknown", "http", "method_not_found"))).isEqualTo(1);
    assertThat(after.text()).doesNotContain("eth_noSuchMethod");
    assertThat(grew(before, after, requests("eth_chainId", "http", "ok"))).isEqualTo(2);
    assertThat(grew(before, after, "ailedger_rpc_batches_total", "transport", "http")).isEqualTo(1);
    assertThat(grew(before, after, "ailedger_rpc_batch_requests_total", "transport", "http"))
        .isEqualTo(2);
    assertThat(grew(before, after, requests("eth_blockNumber", "websocket", "ok"))).isEqualTo(2);

    // a histogram per called method: every call falls in the +Inf bucket and in the count
    assertThat(
            grew(
                before,
                after,
                "ailedger_rpc_request_duration_seconds_bucket",
                "method",
                "eth_getBalance",
                "transport",
                "http",
                "le",
                "+Inf"))
        .isEqualTo(4);
    assertThat(
            grew(
                before,
                after,
                "ailedger_rpc_request_duration_seconds_count",
                "method",
                "eth_blockNumber",
                "transport",
                "http"))
        .isEqualTo(5);
    assertThat(
            after.value(
                "ailedger_rpc_request_duration_seconds_sum",
                "method",
                "eth_blockNumber",
                "transport",
                "http"))
        .isPositive()
        .isLessThan(5 * 10.0);
  }

  @Test
  void thePoolCountsAdmissionsAndRefusalsByReasonAndBlocksReportGasAndTimings() {
    NodeProcess node = NODE.node();
    JsonRpc rpc = node.rpc();
    Credentials sender = Devnet.account(Devnet.FIRST_LOAD_ACCOUNT);
    long nonce =
        JsonRpc.quantity(rpc.result("eth_getTransactionCount", sender.getAddress(), "pending"))
            .longValueExact();
    Prometheus before = node.metrics();

    String transfer = transfer(sender, Devnet.CHAIN_ID, nonce);
    String hash = rpc.result("eth_sendRawTransaction", transfer).asText();
    assertThat(rpc.call("eth_sendRawTransaction", transfer(sender, 4242, nonce + 1)).isError())
        .isTrue();
    JsonNode receipt =
        Await.until(
            "the transfer's receipt",
            Duration.ofSeconds(30),
            () -> {
              JsonNode r = rpc.call("eth_getTransactionReceipt", hash).result();
              return r.isNull() ? Optional.empty() : Optional.of(r);
            });
    assertThat(rpc.call("eth_sendRawTransaction", transfer).isError()).isTrue();
    long included = JsonRpc.quantity(receipt.get("blockNumber")).longValueExact();
    Prometheus after =
        Await.until(
            "the head metric at the transfer's block",
            Duration.ofSeconds(10),
            () -> {
              Prometheus scrape = node.metrics();
              return scrape.value("ailedger_chain_head") >= included
                  ? Optional.of(scrape)
                  : Optional.empty();
            });

    assertThat(grew(before, after, "ailedger_txpool_admitted_total")).isEqualTo(1);
    assertThat(grew(before, after, "ailedger_txpool_rejected_total", "reason", "wrong_chain_id"))
        .isEqualTo(1);
    assertThat(grew(before, after, "ailedger_txpool_rejected_total", "reason", "nonce_too_low"))
        .isEqualTo(1);
    assertThat(after.value("ailedger_txpool_rejected_total", "reason", "oversized")).isZero();
    assertThat(after.value("ailedger_txpool_capacity")).isPositive();

    assertThat(grew(before, after, "ailedger_block_gas_used_sum"))
        .isGreaterThanOrEqualTo(TRANSFER_GAS);
    assertThat(grew(before, after, "ailedger_block_transactions_sum")).isGreaterThanOrEqualTo(1);
    assertThat(grew(before, after, "ailedger_block_gas_used_count")).isPositive();
    assertThat(after.value("ailedger_block_build_seconds_count")).isPositive();
    // the import is timed just after the block is committed, so a scrape in between sees one less
    assertThat(after.value("ailedger_block_import_seconds_count"))
        .isBetween(
            after.value("ailedger_blocks_committed_total") - 1,
            after.value("ailedger_blocks_committed_total"));
    assertThat(after.value("ailedger_block_build_seconds_bucket", "le", "+Inf"))
        .isEqualTo(after.value("ailedger_block_build_seconds_count"));
    assertThat(after.value("ailedger_chain_head_timestamp_seconds"))
        .isGreaterThan(System.currentTimeMillis() / 1000.0 - 60);
  }

  @Test
  void theJvmAndConsensusAreReported() {
    Prometheus scrape = NODE.node().metrics();

    assertThat(scrape.value("jvm_memory_used_bytes", "area", "heap", "id", heapPool(scrape)))
        .isPositive();
    assertThat(scrape.value("jvm_threads_live_threads")).isPositive();
    assertThat(scrape.value("process_uptime_seconds")).isPositive();
    assertThat(scrape.value("process_files_open_files")).isPositive();
    // -1 while the one validator waits for transactions before round 0 of the next height
    assertThat(scrape.value("ailedger_qbft_round")).isGreaterThanOrEqualTo(-1);
    assertThat(scrape.value("ailedger_qbft_height"))
        .isGreaterThanOrEqualTo(scrape.value("ailedger_chain_head"));
    assertThat(scrape.value("ailedger_sync_syncing")).isZero();
  }

  @Test
  void theGrafanaDashboardQueriesOnlySeriesTheNodeExports() throws IOException {
    JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
    Set<String> queried = new TreeSet<>();
    for (JsonNode panel : dashboard.path("panels")) {
      if (panel.path("type").asText().equals("row")) {
        continue;
      }
      assertThat(panel.path("datasource").path("uid").asText())
          .as("panel %s's data source", panel.path("title").asText())
          .isEqualTo("${datasource}");
      for (JsonNode target : panel.path("targets")) {
        Matcher names = METRIC_NAME.matcher(target.path("expr").asText());
        while (names.find()) {
          queried.add(names.group(1));
        }
      }
    }
    Set<String> exported =
        NODE.node().metrics().samples().keySet().stream()
            .map(series -> series.substring(0, series.indexOf('{')))
            .collect(Collectors.toSet());

    queried.removeAll(AFTER_FIRST_GC);

    assertThat(queried).hasSizeGreaterThan(20);
    assertThat(exported).containsAll(queried);
  }

  private static String transfer(Credentials sender, long chainId, long nonce) {
    return SignedTransactions.eip1559(
        sender, chainId, nonce, TRANSFER_GAS, TO, BigInteger.ZERO, "0x");
  }

  /** One heap pool's id: the collector decides their names (G1 Eden Space, …). */
  private static String heapPool(Prometheus scrape) {
    return scrape.samples().keySet().stream()
        .filter(series -> series.startsWith("jvm_memory_used_bytes{area=heap"))
        .map(series -> series.replaceAll(".*id=([^,}]*).*", "$1"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no heap pool in\n" + scrape.text()));
  }

  private static String[] requests(String method, String transport, String outcome) {
    return new String[] {
      "ailedger_rpc_requests_total", "method", method, "outcome", outcome, "transport", transport
    };
  }

  private static double grew(Prometheus before, Prometheus after, String[] sample) {
    String[] labels = java.util.Arrays.copyOfRange(sample, 1, sample.length);
    return grew(before, after, sample[0], labels);
  }

  /** How much a sample grew between two scrapes; a series absent before counts from zero. */
  private static double grew(Prometheus before, Prometheus after, String name, String... labels) {
    double earlier;
    try {
      earlier = before.value(name, labels);
    } catch (AssertionError absent) {
      earlier = 0;
    }
    return after.value(name, labels) - earlier;
  }
}

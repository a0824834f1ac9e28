package org.ailedger.tests.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ailedger.tests.dsl.Await;
import org.ailedger.tests.dsl.IndexedEvents;
import org.ailedger.tests.dsl.IndexerProcess;
import org.ailedger.tests.dsl.NodeProcess;
import org.ailedger.tests.dsl.Prometheus;
import org.ailedger.tests.dsl.QbftNetwork;
import org.ailedger.tests.dsl.TransferLoad;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ailedger indexer} as a real process beside a real four-validator network, through the
 * faults an operator meets: its own SIGKILL in the middle of a burst of token transfers, a restart
 * of the node it follows, and a move to another node of the network. After each, its SQLite store
 * (read as an analyst reads it, read-only beside the running indexer) holds every event {@code
 * eth_getLogs} reports, exactly once and with the same contents. Its Prometheus metrics report what
 * it stored. One network and one indexer serve every step, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES) // a hang guard per step
class IndexerFaultsIT {
  private static final Duration START = Duration.ofSeconds(60);
  private static final Duration CATCH_UP = Duration.ofSeconds(60);

  /** ACT holders of the devnet genesis send; account 3 receives. */
  private static final List<Integer> SENDERS = List.of(6, 7, 8, 9);

  private static final int RECIPIENT = 3;

  @TempDir static Path dir;
  private static QbftNetwork network;
  private static IndexerProcess indexer;
  private TransferLoad load;

  @BeforeAll
  static void startNetworkAndIndexer() {
    network = QbftNetwork.start("idx-faults", 4, dir, List.of());
    QbftNetwork.awaitAllAtLeast(network.validators(), 1, START);
    indexer = IndexerProcess.start("idx-faults-indexer", validator(0).httpUrl());
  }

  @AfterEach
  void stopLoad() {
    if (load != null) {
      load.close();
      assertThat(load.failures()).as("the transfers' failures").isEmpty();
    }
  }

  @AfterAll
  static void stopAll() {
    if (indexer != null) {
      System.err.println(indexer.logTail());
      indexer.close();
    }
    if (network != null) {
      network.close();
    }
  }

  @Test
  @Order(1)
  void itsMetricsCountTheEventsItStoredAndItsLagToTheHead() {
    Prometheus before = indexer.metrics();
    assertThat(before.sum("ailedger_indexer_events_ingested_total")).isZero();

    load = TransferLoad.startTokenTransfers(validator(1), SENDERS, RECIPIENT);
    Await.untilTrue("a burst of 24 transfers", CATCH_UP, () -> load.sent() >= 24);
    load.close();
    long head = load.awaitAllMined(CATCH_UP);
    indexer.awaitIndexed(head, CATCH_UP);

    IndexedEvents.Snapshot stored = IndexedEvents.assertExactlyOnce(indexer.store(), rpc(0));
    Prometheus after = indexer.metrics();
    assertThat(
            after.value("ailedger_indexer_events_ingested_total", "contract", "CONTRIBUTION_TOKEN"))
        .as("the counter of a fresh indexer against the events in its store")
        .isEqualTo(stored.events().size())
        .isEqualTo(load.sent());
    assertThat(after.value("ailedger_indexer_indexed_block")).isGreaterThanOrEqualTo(head);
    // blocks come every second and the indexer polls every half second
    assertThat(after.value("ailedger_indexer_head_lag_blocks")).isBetween(0.0, 3.0);
    assertThat(after.value("ailedger_indexer_head_lag_seconds")).isBetween(0.0, 3.0);
    assertThat(after.value("ailedger_indexer_ingest_batch_seconds_count"))
        .isGreaterThan(before.value("ailedger_indexer_ingest_batch_seconds_count"));
    assertThat(
            after.value(
                "ailedger_indexer_http_request_seconds_count",
                "route",
                "/v1/health",
                "status",
                "200"))
        .as("the health polls of this test")
        .isPositive();
    assertThat(after.value("ailedger_indexer_store_errors_total", "operation", "write")).isZero();
    assertThat(after.value("ailedger_indexer_status", "status", "halted")).isZero();
  }

  @Test
  @Order(2)
  void aSigkillInTheMiddleOfABurstLosesAndRepeatsNothing() {
    long storedBefore = IndexedEvents.read(indexer.store()).events().size();
    load = TransferLoad.startTokenTransfers(validator(1), SENDERS, RECIPIENT);
    // kill it once it has stored part of the burst, while the burst goes on
    Await.untilTrue(
        "the indexer to store part of the burst",
        CATCH_UP,
        () -> IndexedEvents.read(indexer.store()).events().size() >= storedBefore + 8);
    indexer.kill();
    int sentAtKill = load.sent();
    Await.untilTrue(
        "more transfers while the indexer is down", CATCH_UP, () -> load.sent() >= sentAtKill + 8);

    indexer.restart(validator(0).httpUrl());
    Await.untilTrue(
        "more transfers after the restart", CATCH_UP, () -> load.sent() >= sentAtKill + 16);
    load.close();
    long head = load.awaitAllMined(CATCH_UP);
    indexer.awaitIndexed(head, CATCH_UP);

    IndexedEvents.Snapshot stored = IndexedEvents.assertExactlyOnce(indexer.store(), rpc(0));
    assertThat(stored.events().size() - storedBefore).isEqualTo(load.sent());
  }

  @Test
  @Order(3)
  void aRestartOfItsNodeIsWaitedForWithBackoffAndIngestionContinues() {
    long storedBefore = IndexedEvents.read(indexer.store()).events().size();
    // the transfers go to validator 1: the network keeps committing with three of four
    load = TransferLoad.startTokenTransfers(validator(1), SENDERS, RECIPIENT);
    Await.untilTrue(
        "the indexer to store part of the burst",
        CATCH_UP,
        () -> IndexedEvents.read(indexer.store()).events().size() >= storedBefore + 4);

    validator(0).kill();
    indexer.awaitStatus("retrying", CATCH_UP);
    int sentWhileDown = load.sent();
    Await.untilTrue(
        "transfers while the node is down", CATCH_UP, () -> load.sent() >= sentWhileDown + 8);
    validator(0).restart();

    load.close();
    long head = load.awaitAllMined(CATCH_UP);
    validator(0).awaitBlockAbove(head - 1, CATCH_UP);
    indexer.awaitIndexed(head, CATCH_UP);

    IndexedEvents.Snapshot stored = IndexedEvents.assertExactlyOnce(indexer.store(), rpc(0));
    assertThat(stored.events().size() - storedBefore).isEqualTo(load.sent());
    assertThat(indexer.outputSinceStart())
        .as("the indexer's log")
        .contains("ingestion waits")
        .contains("the node answers again");
    assertThat(indexer.isAlive()).isTrue();
  }

  @Test
  @Order(4)
  void movedToAnotherNodeOfTheNetworkItContinuesTheSameChain() {
    long storedBefore = IndexedEvents.read(indexer.store()).events().size();
    load = TransferLoad.startTokenTransfers(validator(1), SENDERS, RECIPIENT);
    Await.untilTrue(
        "the indexer to store part of the burst",
        CATCH_UP,
        () -> IndexedEvents.read(indexer.store()).events().size() >= storedBefore + 4);

    indexer.stop(); // SIGTERM: the step in progress commits or rolls back, the store closes
    assertThat(indexer.outputSinceStart()).contains("indexer stopped at block");
    indexer.restart(validator(2).httpUrl());

    load.close();
    long head = load.awaitAllMined(CATCH_UP);
    validator(2).awaitBlockAbove(head - 1, CATCH_UP);
    indexer.awaitIndexed(head, CATCH_UP);

    IndexedEvents.Snapshot stored = IndexedEvents.assertExactlyOnce(indexer.store(), rpc(2));
    assertThat(stored.events().size() - storedBefore).isEqualTo(load.sent());
    // and the node it left agrees on every one of them
    IndexedEvents.assertExactlyOnce(indexer.store(), rpc(0));
    assertThat(indexer.health().path("status").asText()).isIn("ok", "catching-up");
  }

  private static NodeProcess validator(int index) {
    return network.validator(index);
  }

  private static org.ailedger.tests.dsl.JsonRpc rpc(int index) {
    return validator(index).rpc();
  }
}

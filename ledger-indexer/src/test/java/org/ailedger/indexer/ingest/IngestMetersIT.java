package org.ailedger.indexer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.math.BigInteger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ailedger.indexer.event.EthAddress;
import org.ailedger.indexer.event.EventDecoder;
import org.ailedger.indexer.metrics.IngestMeters;
import org.ailedger.indexer.metrics.Scrape;
import org.ailedger.indexer.store.Block;
import org.ailedger.indexer.store.Database;
import org.ailedger.indexer.store.Engine;
import org.ailedger.indexer.store.GenesisState;
import org.ailedger.indexer.store.LedgerQueries;
import org.ailedger.indexer.store.LedgerWriter;
import org.ailedger.indexer.store.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ingester's meters as Prometheus renders them, while a real ingester stores an in-memory chain
 * into SQLite: lag in blocks and seconds shrink to 0, the event counter ends at the stored events,
 * every batch is timed, and a store that fails is counted.
 */
class IngestMetersIT {
  private static final IngestConfig CONFIG =
      new IngestConfig(10, Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(400));
  private static final String TOKEN = "CONTRIBUTION_TOKEN";

  @RegisterExtension final TestStores stores = new TestStores();
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  @Test
  void lagShrinksToZeroAndTheEventCounterEndsAtTheStoredEvents() throws Exception {
    Database database = stores.open(Engine.SQLITE);
    FakeChain chain = new FakeChain("a", 25);
    Ingester ingester = ingester(chain, database);

    ingester.step(); // the genesis state: no events, no position yet
    assertThat(scrape().value("ailedger_indexer_head_lag_blocks")).isNaN();
    ingester.step(); // blocks 1..10 of 25; the fake's block n has timestamp n

    Scrape behind = scrape();
    assertThat(behind.value("ailedger_indexer_indexed_block")).isEqualTo(10);
    assertThat(behind.value("ailedger_indexer_node_head_block")).isEqualTo(25);
    assertThat(behind.value("ailedger_indexer_head_lag_blocks")).isEqualTo(15);
    assertThat(behind.value("ailedger_indexer_head_lag_seconds")).isEqualTo(15);
    assertThat(behind.value("ailedger_indexer_events_ingested_total", "contract", TOKEN))
        .isEqualTo(FakeChain.eventsUpTo(10));
    assertThat(behind.value("ailedger_indexer_ingest_batch_seconds_count")).isEqualTo(1);

    while (ingester.step() instanceof Ingester.Next.Now) {}

    Scrape caughtUp = scrape();
    assertThat(caughtUp.value("ailedger_indexer_head_lag_blocks")).isZero();
    assertThat(caughtUp.value("ailedger_indexer_head_lag_seconds")).isZero();
    assertThat(caughtUp.value("ailedger_indexer_events_ingested_total", "contract", TOKEN))
        .isEqualTo(new LedgerQueries(database).rowCount("outbox"))
        .isEqualTo(FakeChain.eventsUpTo(25));
    assertThat(
            caughtUp.value("ailedger_indexer_events_ingested_total", "contract", "MODEL_REGISTRY"))
        .isZero();
    assertThat(caughtUp.value("ailedger_indexer_ingest_batch_seconds_count")).isEqualTo(3);
    assertThat(caughtUp.value("ailedger_indexer_ingest_batch_seconds_sum")).isPositive();
    assertThat(caughtUp.value("ailedger_indexer_ingest_batch_seconds_bucket", "le", "+Inf"))
        .isEqualTo(3);
    assertThat(caughtUp.value("ailedger_indexer_store_errors_total", "operation", "write"))
        .isZero();
  }

  @Test
  void aStoreThatFailsIsCountedAndRetried() throws Exception {
    Database database = stores.open(Engine.SQLITE);
    Ingester ingester = ingester(new FakeChain("a", 5), database);
    ingester.step();
    database.close();

    assertThat(ingester.step()).isInstanceOf(Ingester.Next.After.class);
    assertThat(ingester.step()).isInstanceOf(Ingester.Next.After.class);

    assertThat(scrape().value("ailedger_indexer_store_errors_total", "operation", "write"))
        .isEqualTo(2);
  }

  private Scrape scrape() {
    return Scrape.of(registry.scrape());
  }

  private Ingester ingester(FakeChain chain, Database database) {
    return new Ingester(
        chain,
        IngestMetersIT::genesis,
        new LedgerWriter(database),
        EventDecoder.nativeContracts(),
        CONFIG,
        IngestMeters.register(registry));
  }

  private static GenesisState genesis(Block block, long chainId) {
    return new GenesisState(
        block,
        chainId,
        Map.of(),
        Map.of(),
        List.of(),
        List.of(EthAddress.fromHex("0x00000000000000000000000000000000000000aa")),
        new LinkedHashMap<>(),
        Map.of("capBps", BigInteger.valueOf(1000)));
  }
}

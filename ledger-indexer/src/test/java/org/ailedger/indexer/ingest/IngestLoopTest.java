package org.ailedger.indexer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.ailedger.indexer.event.EthAddress;
import org.ailedger.indexer.event.EventDecoder;
import org.ailedger.indexer.store.Engine;
import org.ailedger.indexer.store.GenesisState;
import org.ailedger.indexer.store.LedgerWriter;
import org.ailedger.indexer.store.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The loop on its own thread, its poll interval far longer than the test: a wake-up (a node's new
 * head) starts the next step at once, while a back-off after a failure is kept.
 */
class IngestLoopTest {
  private static final Duration LONG = Duration.ofSeconds(60);
  private static final Duration SOON = Duration.ofSeconds(5);

  @RegisterExtension final TestStores stores = new TestStores();

  @Test
  void aWakeUpIngestsANewBlockWithoutWaitingForThePollInterval() throws Exception {
    FakeChain chain = new FakeChain("a", 5);
    Ingester ingester = ingester(chain, new IngestConfig(10, LONG, LONG, LONG));
    try (IngestLoop loop = new IngestLoop(ingester)) {
      loop.start();
      await("block 5", () -> indexed(ingester) == 5);

      chain.head(8);
      Thread.sleep(300);
      assertThat(indexed(ingester)).as("polling alone waits a minute").isEqualTo(5);
      loop.wake();

      await("block 8 after the wake-up", () -> indexed(ingester) == 8);
    }
  }

  @Test
  void aWakeUpDoesNotCutABackOffShort() throws Exception {
    FakeChain chain = new FakeChain("a", 5);
    Ingester ingester =
        ingester(chain, new IngestConfig(10, Duration.ofMillis(20), LONG, LONG.multipliedBy(2)));
    try (IngestLoop loop = new IngestLoop(ingester)) {
      loop.start();
      await("block 5", () -> indexed(ingester) == 5);
      chain.unreachable(true);
      await("a retry", () -> ingester.status() instanceof IngestStatus.Retrying);

      chain.unreachable(false);
      chain.head(8);
      for (int i = 0; i < 5; i++) {
        loop.wake();
      }
      Thread.sleep(300);

      assertThat(ingester.status()).isInstanceOf(IngestStatus.Retrying.class);
      assertThat(indexed(ingester)).isEqualTo(5);
    }
  }

  private Ingester ingester(FakeChain chain, IngestConfig config) throws Exception {
    return new Ingester(
        chain,
        (block, chainId) ->
            new GenesisState(
                block,
                chainId,
                Map.of(),
                Map.of(),
                List.of(),
                List.of(EthAddress.fromHex("0x00000000000000000000000000000000000000aa")),
                new LinkedHashMap<>(),
                Map.of("capBps", BigInteger.valueOf(1000))),
        new LedgerWriter(stores.open(Engine.SQLITE)),
        EventDecoder.nativeContracts(),
        config);
  }

  private static long indexed(Ingester ingester) {
    return ingester.status().cursor().map(c -> c.blockNumber()).orElse(-1L);
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + SOON.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}

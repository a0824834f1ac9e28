package org.ailedger.indexer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ailedger.indexer.event.EventDecoder;
import org.ailedger.indexer.store.Cursor;
import org.ailedger.indexer.store.Database;
import org.ailedger.indexer.store.Engine;
import org.ailedger.indexer.store.GenesisState;
import org.ailedger.indexer.store.LedgerQueries;
import org.ailedger.indexer.store.LedgerWriter;
import org.ailedger.indexer.store.TestStores;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The ingester step by step against an in-memory chain, storing into both engines. */
class IngesterTest {
  private static final IngestConfig CONFIG =
      new IngestConfig(10, Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(400));

  @RegisterExtension final TestStores stores = new TestStores();
  private LedgerWriter writer;
  private LedgerQueries queries;

  private void open(Engine engine) throws Exception {
    Database database = stores.open(engine);
    writer = new LedgerWriter(database);
    queries = new LedgerQueries(database);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aNewChainIsSeededFromGenesisThenEveryLogIsStoredOnceInBoundedBatches(Engine engine)
      throws Exception {
    open(engine);
    FakeChain chain = new FakeChain("a", 25);
    Ingester ingester = ingester(chain);

    List<Ingester.Next> steps = runUntilCaughtUp(ingester);

    assertThat(steps).hasSize(1 + 3).last().isInstanceOf(Ingester.Next.After.class);
    assertThat(chain.logCalls()).as("blocks 1..25 in batches of at most 10").isEqualTo(3);
    assertThat(queries.rowCount("token_transfers")).isEqualTo(FakeChain.eventsUpTo(25));
    assertThat(queries.rowCount("outbox")).isEqualTo(FakeChain.eventsUpTo(25));
    assertThat(queries.rowCount("validators")).as("the genesis state").isEqualTo(1);
    assertThat(writer.cursor()).contains(chain.block(25).cursor());
    assertThat(ingester.status())
        .isEqualTo(new IngestStatus.Following(java.util.Optional.of(chain.block(25).cursor()), 25));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aRestartedIngesterContinuesFromTheCursorWithoutDuplicates(Engine engine) throws Exception {
    open(engine);
    FakeChain chain = new FakeChain("a", 25);
    Ingester first = ingester(chain);
    first.step();
    first.step();
    assertThat(writer.cursor().map(Cursor::blockNumber)).contains(10L);

    chain.head(40);
    runUntilCaughtUp(ingester(chain));

    assertThat(queries.rowCount("token_transfers")).isEqualTo(FakeChain.eventsUpTo(40));
    assertThat(writer.cursor()).contains(chain.block(40).cursor());
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anUnreachableNodeIsRetriedWithDoublingBackoffUntilItAnswers(Engine engine) throws Exception {
    open(engine);
    FakeChain chain = new FakeChain("a", 5);
    Ingester ingester = ingester(chain);
    chain.unreachable(true);

    assertThat(ingester.step()).isEqualTo(new Ingester.Next.After(Duration.ofMillis(100)));
    assertThat(ingester.step()).isEqualTo(new Ingester.Next.After(Duration.ofMillis(200)));
    assertThat(ingester.step()).isEqualTo(new Ingester.Next.After(Duration.ofMillis(400)));
    assertThat(ingester.step()).isEqualTo(new Ingester.Next.After(Duration.ofMillis(400)));
    assertThat(ingester.status())
        .isInstanceOfSatisfying(
            IngestStatus.Retrying.class,
            retrying -> {
              assertThat(retrying.attempt()).isEqualTo(4);
              assertThat(retrying.reason()).contains("connection refused");
            });

    chain.unreachable(false);
    runUntilCaughtUp(ingester);
    assertThat(queries.rowCount("token_transfers")).isEqualTo(FakeChain.eventsUpTo(5));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aNodeBehindTheCursorIsWaitedForNotTreatedAsAnotherChain(Engine engine) throws Exception {
    open(engine);
    FakeChain chain = new FakeChain("a", 20);
    Ingester ingester = ingester(chain);
    runUntilCaughtUp(ingester);

    chain.head(3);
    assertThat(ingester.step()).isInstanceOf(Ingester.Next.After.class);
    assertThat(ingester.status())
        .isInstanceOfSatisfying(
            IngestStatus.Retrying.class,
            retrying -> assertThat(retrying.reason()).contains("behind"));

    chain.head(30);
    runUntilCaughtUp(ingester);
    assertThat(queries.rowCount("token_transfers")).isEqualTo(FakeChain.eventsUpTo(30));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aNodeOnAnotherChainHaltsIngestionAndNothingMoreIsWritten(Engine engine) throws Exception {
    open(engine);
    runUntilCaughtUp(ingester(new FakeChain("a", 12)));
    long stored = queries.rowCount("outbox");

    Ingester onFork = ingester(new FakeChain("b", 30));

    assertThat(onFork.step()).isInstanceOf(Ingester.Next.Never.class);
    assertThat(onFork.status())
        .isInstanceOfSatisfying(
            IngestStatus.Halted.class,
            halted -> assertThat(halted.reason()).contains("block 12").contains("different chain"));
    assertThat(onFork.step()).isInstanceOf(Ingester.Next.Never.class);
    assertThat(queries.rowCount("outbox")).isEqualTo(stored);
    assertThat(writer.cursor()).contains(new FakeChain("a", 12).block(12).cursor());
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theLoopFollowsTheChainOnItsOwnThreadAndStopsOnClose(Engine engine) throws Exception {
    open(engine);
    FakeChain chain = new FakeChain("a", 35);
    Ingester ingester = ingester(chain);
    IngestLoop loop = new IngestLoop(ingester);
    loop.start();
    try {
      awaitCursor(35);
      chain.head(47);
      awaitCursor(47);
    } finally {
      loop.close();
    }
    assertThat(ingester.status()).isInstanceOf(IngestStatus.Stopped.class);
    assertThat(queries.rowCount("token_transfers")).isEqualTo(FakeChain.eventsUpTo(47));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aFailureNoStepExpectsStopsTheLoopAndShowsInTheStatus(Engine engine) throws Exception {
    open(engine);
    FakeChain chain = new FakeChain("a", 5);
    Ingester ingester =
        new Ingester(
            chain,
            (genesis, chainId) -> {
              throw new IllegalStateException("a bug in reading the genesis");
            },
            writer,
            EventDecoder.nativeContracts(),
            CONFIG);
    IngestLoop loop = new IngestLoop(ingester);
    try {
      loop.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!(ingester.status() instanceof IngestStatus.Halted)) {
        assertThat(System.nanoTime() - deadline).as("the loop halts").isNegative();
        Thread.sleep(20);
      }
    } finally {
      loop.close();
    }
    assertThat(ingester.status())
        .isInstanceOfSatisfying(
            IngestStatus.Halted.class,
            halted -> assertThat(halted.reason()).contains("a bug in reading the genesis"));
    assertThat(queries.rowCount("outbox")).isZero();
  }

  private void awaitCursor(long number) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (writer.cursor().map(Cursor::blockNumber).orElse(-1L) < number) {
      assertThat(System.nanoTime() - deadline).as("cursor reaches " + number).isNegative();
      Thread.sleep(20);
    }
  }

  private Ingester ingester(FakeChain chain) {
    return new Ingester(
        chain,
        (genesis, chainId) -> genesis(genesis, chainId),
        writer,
        EventDecoder.nativeContracts(),
        CONFIG);
  }

  private static GenesisState genesis(org.ailedger.indexer.store.Block block, long chainId) {
    return new GenesisState(
        block,
        chainId,
        Map.of(),
        Map.of(),
        List.of(),
        List.of(
            org.ailedger.indexer.event.EthAddress.fromHex(
                "0x00000000000000000000000000000000000000aa")),
        new LinkedHashMap<>(),
        Map.of("capBps", java.math.BigInteger.valueOf(1000)));
  }

  private static List<Ingester.Next> runUntilCaughtUp(Ingester ingester) {
    List<Ingester.Next> steps = new java.util.ArrayList<>();
    for (int i = 0; i < 100; i++) {
      Ingester.Next next = ingester.step();
      steps.add(next);
      if (!(next instanceof Ingester.Next.Now)) {
        if (ingester.status() instanceof IngestStatus.Following following && following.caughtUp()) {
          return steps;
        }
        if (!(next instanceof Ingester.Next.After)) {
          return steps;
        }
      }
    }
    throw new AssertionError("not caught up after 100 steps: " + ingester.status());
  }
}

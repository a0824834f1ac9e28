package org.ailedger.indexer.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.ailedger.indexer.event.DecodedLog;
import org.ailedger.indexer.event.NativeContract;
import org.ailedger.indexer.ingest.IngestObserver;
import org.ailedger.indexer.store.Block;

/**
 * The ingester's meters: how far behind the node's head the store is (in blocks and in the chain's
 * own seconds), the events stored per contract, how long a batch takes, and the store's failures.
 */
public final class IngestMeters implements IngestObserver {
  /** Batch times span a few milliseconds (caught up) to seconds (a 1000-block back-fill). */
  private static final Duration[] BATCH_BUCKETS = {
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30)
  };

  private final Map<NativeContract, Counter> events = new EnumMap<>(NativeContract.class);
  private final Timer batches;
  private final Counter storeErrors;
  private final AtomicReference<Position> position = new AtomicReference<>();

  /** The last indexed block and the node's head, as one step saw them. */
  private record Position(Block indexed, Block head) {}

  private IngestMeters(MeterRegistry registry) {
    for (NativeContract contract : NativeContract.values()) {
      events.put(
          contract,
          Counter.builder("ailedger_indexer_events_ingested")
              .description("events stored, by the contract that emitted them")
              // the outbox's contract column holds the same names
              .tag("contract", contract.name())
              .register(registry));
    }
    batches =
        Timer.builder("ailedger_indexer_ingest_batch")
            .description("time of one batch, from reading its block range to its commit")
            .serviceLevelObjectives(BATCH_BUCKETS)
            .register(registry);
    storeErrors = StoreErrors.counter(registry, StoreErrors.WRITE);
    Gauge.builder("ailedger_indexer_indexed_block", position, p -> number(p.get(), true))
        .description("the last block whose events are all stored (NaN before the node answered)")
        .strongReference(true)
        .register(registry);
    Gauge.builder("ailedger_indexer_node_head_block", position, p -> number(p.get(), false))
        .description("the node's head block when last asked (NaN before the node answered)")
        .strongReference(true)
        .register(registry);
    Gauge.builder("ailedger_indexer_head_lag_blocks", position, p -> lagBlocks(p.get()))
        .description("blocks the node's head is ahead of the last indexed block")
        .strongReference(true)
        .register(registry);
    Gauge.builder("ailedger_indexer_head_lag_seconds", position, p -> lagSeconds(p.get()))
        .description("the node's head block's timestamp minus the last indexed block's, in seconds")
        .strongReference(true)
        .register(registry);
  }

  public static IngestMeters register(MeterRegistry registry) {
    return new IngestMeters(registry);
  }

  @Override
  public void committed(List<DecodedLog> stored, Duration took) {
    for (DecodedLog log : stored) {
      events.get(log.event().contract()).increment();
    }
    batches.record(took);
  }

  @Override
  public void position(Block indexed, Block head) {
    position.set(new Position(indexed, head));
  }

  @Override
  public void storeFailed() {
    storeErrors.increment();
  }

  private static double number(Position position, boolean indexed) {
    if (position == null) {
      return Double.NaN;
    }
    return indexed ? position.indexed().number() : position.head().number();
  }

  private static double lagBlocks(Position position) {
    return position == null
        ? Double.NaN
        : Math.max(0, position.head().number() - position.indexed().number());
  }

  private static double lagSeconds(Position position) {
    return position == null
        ? Double.NaN
        : Math.max(0, position.head().timestamp() - position.indexed().timestamp());
  }
}

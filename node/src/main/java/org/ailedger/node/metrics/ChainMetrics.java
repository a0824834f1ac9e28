package org.ailedger.node.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.ailedger.node.chain.BlockAdded;
import org.ailedger.node.chain.ChainEvents;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.chain.Registration;
import org.ailedger.node.txpool.PendingTransactions;

/** Chain and pool meters: head height, blocks and transactions committed, pool size. */
public final class ChainMetrics {
  private ChainMetrics() {}

  public static Registration register(
      MeterRegistry registry, ChainReader chain, ChainEvents events, PendingTransactions pool) {
    Gauge.builder("ailedger_chain_head", chain, c -> c.head().number())
        .description("number of the head block")
        .register(registry);
    Gauge.builder("ailedger_chain_head_timestamp_seconds", chain, c -> c.head().timestamp())
        .description("timestamp of the head block, in seconds since the epoch")
        .register(registry);
    Gauge.builder("ailedger_txpool_transactions", pool, PendingTransactions::size)
        .description("transactions waiting in the pool")
        .register(registry);
    Counter blocks =
        Counter.builder("ailedger_blocks_committed")
            .description("blocks committed")
            .register(registry);
    Counter txs =
        Counter.builder("ailedger_transactions_committed")
            .description("transactions committed")
            .register(registry);
    return events.onBlockAdded(
        (BlockAdded added) -> {
          blocks.increment();
          txs.increment(added.block().transactions().size());
        });
  }
}

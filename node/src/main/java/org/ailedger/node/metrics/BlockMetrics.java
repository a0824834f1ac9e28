package org.ailedger.node.metrics;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.ailedger.node.block.Block;
import org.ailedger.node.chain.BlockTimings;
import org.ailedger.node.chain.ChainEvents;
import org.ailedger.node.chain.Registration;

/**
 * How long blocks take to build, execute and import, and how full they are: the figures that say
 * whether a validator keeps to the block period and how close blocks come to the gas limit.
 */
public final class BlockMetrics implements BlockTimings {
  public static final String BUILD = "ailedger_block_build";
  public static final String EXECUTION = "ailedger_block_execution";
  public static final String IMPORT = "ailedger_block_import";
  public static final String GAS_USED = "ailedger_block_gas_used";
  public static final String TRANSACTIONS = "ailedger_block_transactions";

  /** Bounds around a 1 s block period: most blocks take milliseconds, a late one seconds. */
  private static final Duration[] TIME_BUCKETS = {
    Duration.ofMillis(1),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofMillis(750),
    Duration.ofSeconds(1),
    Duration.ofMillis(1_500),
    Duration.ofSeconds(2),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  /**
   * From one transfer (empty blocks fall in it too; bounds must be positive) up to the devnet's 1 G
   * gas limit.
   */
  private static final double[] GAS_BUCKETS = {21_000, 100_000, 1e6, 1e7, 3e7, 1e8, 3e8, 1e9};

  private static final double[] TRANSACTION_BUCKETS = {1, 10, 100, 500, 1_000, 5_000, 20_000};

  private final Timer build;
  private final Timer execution;
  private final Timer imported;
  private final DistributionSummary gas;
  private final DistributionSummary transactions;

  public BlockMetrics(MeterRegistry registry) {
    build = timer(registry, BUILD, "time to select, execute and seal a block this node proposes");
    execution =
        timer(
            registry,
            EXECUTION,
            "time to check and execute a block another validator built (proposal or sync)");
    imported =
        timer(
            registry,
            IMPORT,
            "time to add a block to the chain: checks, execution if not run before, commit, storage");
    gas =
        DistributionSummary.builder(GAS_USED)
            .description("gas used per committed block")
            .serviceLevelObjectives(GAS_BUCKETS)
            .register(registry);
    transactions =
        DistributionSummary.builder(TRANSACTIONS)
            .description("transactions per committed block")
            .serviceLevelObjectives(TRANSACTION_BUCKETS)
            .register(registry);
  }

  /** Records every block that becomes the head, produced here or imported; close to stop. */
  public Registration follow(ChainEvents events) {
    return events.onBlockAdded(added -> committed(added.block()));
  }

  void committed(Block block) {
    gas.record(block.header().gasUsed());
    transactions.record(block.transactions().size());
  }

  @Override
  public void built(long nanos) {
    build.record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void executed(long nanos) {
    execution.record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void imported(long nanos) {
    imported.record(nanos, TimeUnit.NANOSECONDS);
  }

  private static Timer timer(MeterRegistry registry, String name, String description) {
    return Timer.builder(name)
        .description(description)
        .serviceLevelObjectives(TIME_BUCKETS)
        .register(registry);
  }
}

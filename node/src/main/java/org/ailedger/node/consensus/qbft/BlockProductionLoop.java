package org.ailedger.node.consensus.qbft;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.chain.BlockImporter;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.chain.ImportResult;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.execution.ExecutedBlock;
import org.ailedger.node.genesis.QbftOptions;
import org.ailedger.node.tx.RecoveredTransaction;
import org.ailedger.node.tx.RejectionReason;
import org.ailedger.node.txpool.TransactionPool;
import org.ailedger.types.Address;
import org.apache.tuweni.units.bigints.UInt256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces a block every block period for a sole validator that runs without peers (p2p off): the
 * proposal, the agreement of a one-validator QBFT (quorum 1) and the committed seal collapse into
 * one step. A node on the network runs the QBFT round state machine instead, whatever the number of
 * validators; with more validators and no peers this loop stands aside.
 *
 * <p>Runs on one scheduler thread, so proposals never race each other.
 */
public final class BlockProductionLoop {
  private static final Logger LOG = LoggerFactory.getLogger(BlockProductionLoop.class);

  /** Bounds the work of one block so a flood of transactions cannot stall the period. */
  public static final int MAX_TRANSACTIONS_PER_BLOCK = 20_000;

  private final ChainReader chain;
  private final TransactionPool pool;
  private final BlockCreator creator;
  private final BlockImporter importer;
  private final KeyPair validatorKey;
  private final QbftOptions options;
  private final UInt256 baseFee;
  private final Clock clock;
  // how long a block may spend executing transactions: the node option's percentage (NodeConfig
  // keeps it within 1..100) of the block period
  private final long selectionNanos;
  private final ScheduledExecutorService scheduler;
  private volatile boolean running;
  private boolean warnedNotSole;

  public BlockProductionLoop(
      ChainReader chain,
      TransactionPool pool,
      BlockCreator creator,
      BlockImporter importer,
      KeyPair validatorKey,
      QbftOptions options,
      UInt256 baseFee,
      Clock clock,
      int selectionPercent,
      ScheduledExecutorService scheduler) {
    this.chain = chain;
    this.pool = pool;
    this.creator = creator;
    this.importer = importer;
    this.validatorKey = validatorKey;
    this.options = options;
    this.baseFee = baseFee;
    this.clock = clock;
    this.selectionNanos =
        TimeUnit.SECONDS.toNanos(options.blockPeriodSeconds()) * selectionPercent / 100;
    this.scheduler = scheduler;
  }

  public void start() {
    running = true;
    scheduleNext();
  }

  public void stop() {
    running = false;
  }

  private void scheduleNext() {
    if (!running) {
      return;
    }
    long dueMillis = (chain.head().timestamp() + options.blockPeriodSeconds()) * 1000;
    long delay = Math.max(0, dueMillis - clock.millis());
    scheduler.schedule(this::tick, delay, TimeUnit.MILLISECONDS);
  }

  private void tick() {
    try {
      produceIfDue();
    } catch (RuntimeException e) {
      LOG.error("Block production failed; retrying next period", e);
      sleepOnePeriodAfterFailure();
    } finally {
      scheduleNext();
    }
  }

  private void produceIfDue() {
    BlockHeader parent = chain.head();
    List<Address> validators = parent.qbftExtraData().validators();
    if (!validators.equals(List.of(validatorKey.address()))) {
      if (!warnedNotSole) {
        LOG.warn(
            "This node is one of {} validators but runs without peers; it produces no blocks (start it with --p2p-enabled=true)",
            validators.size());
        warnedNotSole = true;
      }
      sleepOnePeriodAfterFailure();
      return;
    }
    long now = clock.millis() / 1000;
    long timestamp = Math.max(now, parent.timestamp() + options.blockPeriodSeconds());
    List<RecoveredTransaction> candidates =
        pool.selectForBlock(parent.gasLimit(), baseFee, MAX_TRANSACTIONS_PER_BLOCK);
    if (candidates.isEmpty() && !options.createEmptyBlocks()) {
      return;
    }
    long started = System.nanoTime();
    // under a flood, a block that took every candidate would come out late and make the next
    // one later still; one built for part of the period keeps the chain on time
    long stopAt = started + selectionNanos;
    BlockCreator.Proposal proposal =
        creator.propose(
            parent,
            candidates,
            timestamp,
            0,
            validatorKey,
            baseFee,
            () -> System.nanoTime() - stopAt > 0);
    Block sealed = creator.seal(proposal.block(), validatorKey);
    long built = System.nanoTime();
    switch (importer.importExecuted(sealed, proposal.executed())) {
      case ImportResult.Imported imported -> {
        LOG.info(
            "Produced block {} with {} transactions ({} candidates), gas {}, built in {} ms, stored in {} ms ({})",
            sealed.number(),
            sealed.transactions().size(),
            candidates.size(),
            sealed.header().gasUsed(),
            (built - started) / 1_000_000,
            (System.nanoTime() - built) / 1_000_000,
            sealed.header().hash());
      }
      case ImportResult.AlreadyKnown known ->
          LOG.error("Block {} was on the chain before this node produced it", sealed.number());
      case ImportResult.Rejected rejected ->
          LOG.error(
              "This node rejected its own block {}: {}",
              sealed.number(),
              rejected.rejection().message());
    }
    for (ExecutedBlock.Left left : proposal.executed().leftOut()) {
      // a full block is the one reason to leave a transaction for the next; the others repeat
      if (left.rejection().reason() != RejectionReason.EXCEEDS_BLOCK_GAS_LIMIT) {
        pool.discard(left.candidate().transaction().hash());
      }
      LOG.debug(
          "Left {} out of block {}: {}",
          left.candidate().transaction().hash(),
          sealed.number(),
          left.rejection().message());
    }
  }

  /** Without this, a failure or an idle follower would spin on a due time in the past. */
  private void sleepOnePeriodAfterFailure() {
    try {
      Thread.sleep(options.blockPeriodSeconds() * 1000L);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}

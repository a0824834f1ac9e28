package org.ailedger.node.consensus.qbft;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.chain.BlockImporter;
import org.ailedger.node.chain.BlockTimings;
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
 * <p>Empty blocks follow the same rule as the QBFT path (HeightManager and ConsensusTimers): with
 * nothing to include, no block comes before {@code emptyblockperiodseconds} after the parent, and
 * none at all with {@code createemptyblocks: false}. Meanwhile the loop looks at the pool once at
 * every block period boundary after the parent, so a transaction that arrives waits at most one
 * period, and an idle node costs one look per period.
 *
 * <p>Every look is one task on one scheduler thread, so proposals never race each other.
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
  private final long periodMillis;
  private final Scheduler scheduler;
  private final BlockTimings timings;
  // guarded by this, so stop() cannot miss a look being scheduled at the same time
  private boolean running;
  private Optional<Scheduler.Cancellable> nextLook = Optional.empty();
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
      Scheduler scheduler) {
    this(
        chain,
        pool,
        creator,
        importer,
        validatorKey,
        options,
        baseFee,
        clock,
        selectionPercent,
        scheduler,
        BlockTimings.NONE);
  }

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
      Scheduler scheduler,
      BlockTimings timings) {
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
    this.periodMillis = options.blockPeriodSeconds() * 1000L;
    this.scheduler = scheduler;
    this.timings = timings;
  }

  public synchronized void start() {
    running = true;
    lookAt(blockDueMillis(chain.head()));
  }

  /** Calls off the next look, so a node shutting down waits for no timer. */
  public synchronized void stop() {
    running = false;
    nextLook.ifPresent(Scheduler.Cancellable::cancel);
    nextLook = Optional.empty();
  }

  private synchronized void lookAt(long dueMillis) {
    if (!running) {
      return;
    }
    long delay = Math.max(0, dueMillis - clock.millis());
    nextLook = Optional.of(scheduler.schedule(Duration.ofMillis(delay), this::tick));
  }

  private void tick() {
    synchronized (this) {
      if (!running) {
        return;
      }
    }
    long next;
    try {
      next = produceIfDue();
    } catch (RuntimeException e) {
      LOG.error("Block production failed; retrying next period", e);
      next = nextBoundaryMillis(chain.head(), clock.millis());
    }
    lookAt(next);
  }

  /**
   * Makes a block if one is due and answers when to look again: at once after a block, since the
   * next is then due one period after it; otherwise never sooner than the next period boundary,
   * because a due time already past would be looked at again and again.
   */
  private long produceIfDue() {
    BlockHeader parent = chain.head();
    long now = clock.millis();
    List<Address> validators = parent.qbftExtraData().validators();
    if (!validators.equals(List.of(validatorKey.address()))) {
      if (!warnedNotSole) {
        LOG.warn(
            "This node is one of {} validators but runs without peers; it produces no blocks (start it with --p2p-enabled=true)",
            validators.size());
        warnedNotSole = true;
      }
      return nextBoundaryMillis(parent, now);
    }
    long timestamp = Math.max(now / 1000, parent.timestamp() + options.blockPeriodSeconds());
    List<RecoveredTransaction> candidates =
        pool.selectForBlock(parent.gasLimit(), baseFee, MAX_TRANSACTIONS_PER_BLOCK);
    long emptyBlockDue = options.emptyBlockDueMillis(parent.timestamp());
    if (candidates.isEmpty() && now < emptyBlockDue) {
      LOG.debug("Nothing to include in block {} yet; looking again later", parent.number() + 1);
      return Math.min(emptyBlockDue, nextBoundaryMillis(parent, now));
    }
    long started = System.nanoTime();
    BlockCreator.Proposal proposal =
        creator.proposeWithin(
            selectionNanos, parent, candidates, timestamp, 0, validatorKey, baseFee);
    Block sealed = creator.seal(proposal.block(), validatorKey);
    long built = System.nanoTime();
    timings.built(built - started);
    ImportResult result = importer.importExecuted(sealed, proposal.executed());
    switch (result) {
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
    // a block this node could not store would fail the same way at once; retry it next period
    return result instanceof ImportResult.Imported
        ? blockDueMillis(chain.head())
        : nextBoundaryMillis(parent, clock.millis());
  }

  /** The earliest time a block may follow {@code parent}. */
  private long blockDueMillis(BlockHeader parent) {
    return (parent.timestamp() + options.blockPeriodSeconds()) * 1000L;
  }

  /**
   * The first boundary after {@code now} of the periods counted from {@code parent}, when a loop
   * that waits looks at the pool again: one look a period keeps an idle node cheap, as the QBFT
   * path's re-armed block timer does, and a transaction that arrives waits at most one period.
   * Counting from the parent rather than from the last look keeps late looks from drifting.
   */
  private long nextBoundaryMillis(BlockHeader parent, long now) {
    long parentMillis = parent.timestamp() * 1000L;
    if (now < parentMillis) {
      return parentMillis + periodMillis;
    }
    return parentMillis + ((now - parentMillis) / periodMillis + 1) * periodMillis;
  }
}

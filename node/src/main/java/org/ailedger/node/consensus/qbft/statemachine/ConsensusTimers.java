package org.ailedger.node.consensus.qbft.statemachine;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.consensus.qbft.Scheduler;
import org.ailedger.node.consensus.qbft.message.RoundId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The block timer and the round timer. Each keeps at most one pending task, and on expiry only
 * enqueues an event, so the consensus thread alone changes state.
 */
public final class ConsensusTimers {
  private static final Logger LOG = LoggerFactory.getLogger(ConsensusTimers.class);

  private final Scheduler scheduler;
  private final EventQueue queue;
  private final Clock clock;
  private final QbftConfig config;
  private Optional<Scheduler.Cancellable> blockTimer = Optional.empty();
  private Optional<Scheduler.Cancellable> roundTimer = Optional.empty();
  // read by the metrics thread
  private final LongAdder roundChanges = new LongAdder();

  public ConsensusTimers(Scheduler scheduler, EventQueue queue, Clock clock, QbftConfig config) {
    this.scheduler = scheduler;
    this.queue = queue;
    this.clock = clock;
    this.config = config;
  }

  /** Fires at parent.timestamp + blockperiodseconds (Besu's BlockTimer), at once if that passed. */
  public void startBlockTimer(RoundId roundId, BlockHeader parent) {
    startBlockTimerAt(roundId, (parent.timestamp() + config.blockPeriodSeconds()) * 1000L);
  }

  /**
   * Re-arms the block timer of a height that waits for transactions, as Besu's
   * resetTimerForEmptyBlock: it fires when an empty block falls due, or one block period from now
   * if that is sooner, so a transaction that arrives meanwhile waits at most one period.
   */
  public void startEmptyBlockTimer(RoundId roundId, BlockHeader parent) {
    long nextLook = clock.millis() + config.blockPeriodSeconds() * 1000L;
    startBlockTimerAt(roundId, Math.min(config.emptyBlockDueMillis(parent.timestamp()), nextLook));
  }

  private void startBlockTimerAt(RoundId roundId, long dueMillis) {
    cancelBlockTimer();
    long delay = Math.max(0, dueMillis - clock.millis());
    blockTimer =
        Optional.of(
            scheduler.schedule(
                Duration.ofMillis(delay),
                () -> queue.offer(new QbftEvent.BlockTimerExpired(roundId))));
  }

  public void startRoundTimer(RoundId roundId) {
    cancelRoundTimer();
    Duration timeout = config.roundTimeout(roundId.round());
    if (roundId.round() > 0) {
      roundChanges.increment();
    }
    if (roundId.round() >= 2) {
      LOG.info("Moved to round {}, which expires in {} s", roundId, timeout.toSeconds());
    }
    roundTimer =
        Optional.of(
            scheduler.schedule(
                timeout, () -> queue.offer(new QbftEvent.RoundTimerExpired(roundId))));
  }

  /** Rounds above 0 started so far, at any height: each is a round change. */
  public long roundChanges() {
    return roundChanges.sum();
  }

  public void cancelBlockTimer() {
    blockTimer.ifPresent(Scheduler.Cancellable::cancel);
    blockTimer = Optional.empty();
  }

  public void cancelRoundTimer() {
    roundTimer.ifPresent(Scheduler.Cancellable::cancel);
    roundTimer = Optional.empty();
  }
}

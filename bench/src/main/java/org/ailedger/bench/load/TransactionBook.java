package org.ailedger.bench.load;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The run's shared bookkeeping: whose each transaction is, when it was first sent, and how far each
 * sender's sequence has committed. Senders write submit times; the block follower marks commits and
 * wakes senders waiting for room in their window.
 */
public final class TransactionBook {
  private final List<SignedSequence> sequences;

  /** hash → sender in the high 32 bits, position in the low 32; read-only after construction. */
  private final Map<String, Long> positions;

  private final AtomicLongArray[] firstSubmitNanos;
  private final AtomicInteger[] committedUpTo;
  private final AtomicLong committed = new AtomicLong();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition commits = lock.newCondition();

  public TransactionBook(List<SignedSequence> sequences) {
    this.sequences = List.copyOf(sequences);
    int total = sequences.stream().mapToInt(SignedSequence::size).sum();
    this.positions = new HashMap<>(total * 4 / 3 + 1);
    this.firstSubmitNanos = new AtomicLongArray[sequences.size()];
    this.committedUpTo = new AtomicInteger[sequences.size()];
    for (SignedSequence sequence : sequences) {
      int sender = sequence.sender();
      if (sender < 0 || sender >= sequences.size() || firstSubmitNanos[sender] != null) {
        throw new IllegalArgumentException("senders must be numbered 0..n-1 without repeats");
      }
      firstSubmitNanos[sender] = new AtomicLongArray(sequence.size());
      committedUpTo[sender] = new AtomicInteger();
      for (int i = 0; i < sequence.size(); i++) {
        positions.put(sequence.hashes().get(i), ((long) sender << 32) | i);
      }
    }
  }

  /** A transaction of this run found in a block. */
  public record Committed(int sender, int position, long firstSubmitNanos) {}

  public SignedSequence sequence(int sender) {
    return sequences.get(sender);
  }

  public int senders() {
    return sequences.size();
  }

  /** Notes the first time a transaction went out; a resend keeps the first time. */
  public void submitted(int sender, int position, long nanos) {
    firstSubmitNanos[sender].compareAndSet(position, 0, nanos);
  }

  /** Transactions of {@code sender} at positions below this have committed. */
  public int committedUpTo(int sender) {
    return committedUpTo[sender].get();
  }

  /** This run's transactions committed so far. */
  public long committed() {
    return committed.get();
  }

  /**
   * Marks a hash from a block as committed. Empty for a hash not from this run (another client's
   * transaction), or one already seen.
   */
  public Optional<Committed> commit(String hash) {
    Long packed = positions.get(hash);
    if (packed == null) {
      return Optional.empty();
    }
    int sender = (int) (packed >>> 32);
    int position = (int) (long) packed;
    int before = committedUpTo[sender].getAndAccumulate(position + 1, Math::max);
    if (before > position) {
      return Optional.empty();
    }
    committed.incrementAndGet();
    return Optional.of(new Committed(sender, position, firstSubmitNanos[sender].get(position)));
  }

  /** Wakes senders waiting for room; the follower calls this once per block. */
  public void signalCommits() {
    lock.lock();
    try {
      commits.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Waits for the next block's commits, at most {@code millis}. */
  public void awaitCommits(long millis) throws InterruptedException {
    lock.lock();
    try {
      commits.await(millis, TimeUnit.MILLISECONDS);
    } finally {
      lock.unlock();
    }
  }
}

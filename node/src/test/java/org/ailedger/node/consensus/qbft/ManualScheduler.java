package org.ailedger.node.consensus.qbft;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A scheduler and clock that tests move by hand; tasks run on the test thread. Public for the
 * sole-validator loop's tests, which schedule through the same interface.
 */
public final class ManualScheduler implements Scheduler {
  private final List<Task> tasks = new ArrayList<>();
  private long nowMillis;
  private long sequence;

  /** A scheduled task; {@code delay} is what it was scheduled with, for timing assertions. */
  public record Task(
      long dueMillis, long sequence, Duration delay, Runnable action, boolean[] cancelled) {}

  private final List<Duration> history = new ArrayList<>();

  public ManualScheduler(Instant start) {
    this.nowMillis = start.toEpochMilli();
  }

  public final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return Instant.ofEpochMilli(nowMillis);
        }
      };

  @Override
  public Cancellable schedule(Duration delay, Runnable action) {
    boolean[] cancelled = {false};
    long due =
        delay.toMillis() > Long.MAX_VALUE - nowMillis
            ? Long.MAX_VALUE
            : nowMillis + delay.toMillis();
    tasks.add(new Task(due, sequence++, delay, action, cancelled));
    history.add(delay);
    return () -> cancelled[0] = true;
  }

  /** Delays of every task ever scheduled, in order. */
  public List<Duration> history() {
    return List.copyOf(history);
  }

  /** Runs the next due task within {@code until}, moving the clock to its due time. */
  public Optional<Task> runNext(long untilMillis) {
    tasks.removeIf(t -> t.cancelled()[0]);
    Optional<Task> next =
        tasks.stream()
            .filter(t -> t.dueMillis() <= untilMillis)
            .min(Comparator.comparingLong(Task::dueMillis).thenComparingLong(Task::sequence));
    next.ifPresent(
        t -> {
          tasks.remove(t);
          nowMillis = Math.max(nowMillis, t.dueMillis());
          t.action().run();
        });
    return next;
  }

  public long nowMillis() {
    return nowMillis;
  }

  public void setNow(long millis) {
    nowMillis = Math.max(nowMillis, millis);
  }
}

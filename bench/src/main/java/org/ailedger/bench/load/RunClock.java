package org.ailedger.bench.load;

import java.time.Duration;

/**
 * The phases of a run on the monotonic clock: warm-up, then the measured window, then nothing is
 * sent any more. The wall-clock start is kept to compare with block timestamps.
 */
public record RunClock(
    long startNanos, long startWallMillis, long warmupNanos, long durationNanos) {
  public static RunClock startingNow(Duration warmup, Duration duration) {
    return new RunClock(
        System.nanoTime(), System.currentTimeMillis(), warmup.toNanos(), duration.toNanos());
  }

  public long elapsedNanos() {
    return System.nanoTime() - startNanos;
  }

  public long windowStartNanos() {
    return startNanos + warmupNanos;
  }

  public long windowEndNanos() {
    return windowStartNanos() + durationNanos;
  }

  public boolean inWindow(long nanos) {
    return nanos >= windowStartNanos() && nanos < windowEndNanos();
  }

  public boolean sendingOver() {
    return System.nanoTime() >= windowEndNanos();
  }

  public long windowStartWallMillis() {
    return startWallMillis + warmupNanos / 1_000_000;
  }

  public long windowEndWallMillis() {
    return windowStartWallMillis() + durationNanos / 1_000_000;
  }

  public double windowSeconds() {
    return durationNanos / 1e9;
  }
}

package org.ailedger.tests.dsl;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Polls a condition until it holds or a deadline passes. System tests wait for a chain that moves
 * on its own clock, so every wait is bounded and says what it waited for when it gives up.
 */
public final class Await {
  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

  private Await() {}

  /** Returns the first present value the probe yields, or fails after {@code timeout}. */
  public static <T> T until(String what, Duration timeout, Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    RuntimeException lastFailure = null;
    while (true) {
      try {
        Optional<T> value = probe.get();
        if (value.isPresent()) {
          return value.get();
        }
      } catch (RuntimeException e) {
        // a probe may fail while the thing it watches is still coming up; keep the last cause
        lastFailure = e;
      }
      if (System.nanoTime() - deadline > 0) {
        AssertionError timeoutError =
            new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
        if (lastFailure != null) {
          timeoutError.initCause(lastFailure);
        }
        throw timeoutError;
      }
      pause();
    }
  }

  /** Waits until {@code condition} is true, or fails after {@code timeout}. */
  public static void untilTrue(String what, Duration timeout, Supplier<Boolean> condition) {
    until(what, timeout, () -> condition.get() ? Optional.of(Boolean.TRUE) : Optional.empty());
  }

  /**
   * Checks that {@code condition} holds on every poll for the whole of {@code period}: for what
   * must not happen (a refused peer connecting), after the test made sure it was attempted.
   */
  public static void holdsFor(String what, Duration period, Supplier<Boolean> condition) {
    long end = System.nanoTime() + period.toNanos();
    while (System.nanoTime() - end < 0) {
      if (!condition.get()) {
        throw new AssertionError("expected " + what + " for " + period.toSeconds() + " s");
      }
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_INTERVAL);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting", e);
    }
  }
}

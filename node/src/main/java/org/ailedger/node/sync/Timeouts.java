package org.ailedger.node.sync;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Schedules request timeouts; injected so tests decide when time passes. */
public interface Timeouts {
  /** Runs {@code task} after {@code delay} unless the returned handle is cancelled first. */
  Cancellable schedule(Duration delay, Runnable task);

  @FunctionalInterface
  interface Cancellable {
    void cancel();
  }

  static Timeouts on(ScheduledExecutorService scheduler) {
    return (delay, task) -> {
      ScheduledFuture<?> future = scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
      return () -> future.cancel(false);
    };
  }
}

package org.ailedger.node.consensus.qbft;

import java.time.Duration;

/** Runs a task after a delay. Tasks only enqueue events; tests substitute a manual clock. */
public interface Scheduler {
  Cancellable schedule(Duration delay, Runnable task);

  /** A scheduled task that may still be called off. */
  interface Cancellable {
    void cancel();
  }
}

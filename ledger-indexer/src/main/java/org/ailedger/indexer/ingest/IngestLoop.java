package org.ailedger.indexer.ingest;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an {@link Ingester}'s steps one after another on a single thread, the store's one writer, at
 * the pace the steps ask for. Never on a Vert.x event loop: every step blocks on the node and on
 * JDBC. {@link #wake()} (a new head announced by the node) cuts the wait of a caught-up ingester
 * short; a back-off after a failure is kept.
 */
public final class IngestLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestLoop.class);
  public static final String THREAD_NAME = "indexer-ingest";
  private static final long CLOSE_TIMEOUT_SECONDS = 30;

  private final Ingester ingester;
  private final ScheduledThreadPoolExecutor thread;
  // guarded by this: the step waiting out a poll interval, and a wake-up during a step
  private ScheduledFuture<?> polling;
  private boolean woken;

  public IngestLoop(Ingester ingester) {
    this.ingester = ingester;
    this.thread =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread t = new Thread(runnable, THREAD_NAME);
              t.setDaemon(true);
              return t;
            });
    // close() must not wait out a pending poll or back-off delay
    thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  public void start() {
    thread.execute(this::run);
  }

  /**
   * Steps at once if the ingester waits for a new block, or right after the step in progress. Any
   * thread may call it; a retrying ingester ignores it (the node's trouble sets that pace).
   */
  public void wake() {
    if (ingester.status() instanceof IngestStatus.Retrying) {
      return;
    }
    synchronized (this) {
      woken = true;
      if (polling != null && polling.cancel(false)) {
        polling = null;
        execute();
      }
    }
  }

  private void run() {
    if (thread.isShutdown()) {
      return;
    }
    synchronized (this) {
      polling = null;
      woken = false;
    }
    Ingester.Next next;
    try {
      next = ingester.step();
    } catch (RuntimeException bug) {
      // a step answers node and store trouble itself; anything else is a bug worth a loud stop
      LOG.error("ingestion failed unexpectedly and stops", bug);
      ingester.crashed(bug);
      return;
    }
    try {
      switch (next) {
        case Ingester.Next.Now now -> thread.execute(this::run);
        case Ingester.Next.After after -> waitFor(after);
        case Ingester.Next.Never never -> {}
      }
    } catch (RejectedExecutionException closing) {
      // close() came between the step and its successor; nothing more to do
    }
  }

  private synchronized void waitFor(Ingester.Next.After after) {
    boolean backingOff = ingester.status() instanceof IngestStatus.Retrying;
    if (woken && !backingOff) {
      // the node announced a block while this step ran, perhaps after it read the head
      thread.execute(this::run);
      return;
    }
    ScheduledFuture<?> next =
        thread.schedule(this::run, after.delay().toMillis(), TimeUnit.MILLISECONDS);
    polling = backingOff ? null : next;
  }

  private void execute() {
    try {
      thread.execute(this::run);
    } catch (RejectedExecutionException closing) {
      // closed: no more steps
    }
  }

  /** Stops after the step in progress, which commits or rolls back as a whole. */
  @Override
  public void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("the ingest step did not finish in {} s; interrupting it", CLOSE_TIMEOUT_SECONDS);
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
    ingester.stopped();
  }
}

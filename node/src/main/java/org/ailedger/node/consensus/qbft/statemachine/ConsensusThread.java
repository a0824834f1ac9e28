package org.ailedger.node.consensus.qbft.statemachine;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one thread that drains the consensus queue into the controller. */
public final class ConsensusThread {
  private static final Logger LOG = LoggerFactory.getLogger(ConsensusThread.class);

  /** How long one wait on the queue lasts, so {@link #stop()} is noticed promptly. */
  private static final long POLL_MILLIS = 200;

  private final QbftController controller;
  private final Thread thread;
  private volatile boolean running;

  public ConsensusThread(QbftController controller) {
    this.controller = controller;
    this.thread = new Thread(this::run, "qbft-consensus");
    thread.setDaemon(true);
  }

  public void start() {
    running = true;
    thread.start();
  }

  public void stop() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join();
  }

  private void run() {
    controller.begin();
    while (running) {
      try {
        Optional<QbftEvent> event = controller.queue().poll(POLL_MILLIS);
        event.ifPresent(this::handle);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void handle(QbftEvent event) {
    try {
      controller.handle(event);
    } catch (RuntimeException e) {
      // one bad event must not end consensus; the next round timer moves things on
      LOG.error("QBFT failed to handle a {}", event.getClass().getSimpleName(), e);
    }
  }
}

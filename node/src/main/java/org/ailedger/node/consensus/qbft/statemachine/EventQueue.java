package org.ailedger.node.consensus.qbft.statemachine;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one bounded queue consensus drains. Network, timers and chain events only offer to it; when
 * it is full (messagequeuelimit) the event is dropped, as Besu's BftEventQueue does, because a
 * blocked network thread would stall every peer.
 */
public final class EventQueue {
  private static final Logger LOG = LoggerFactory.getLogger(EventQueue.class);

  private final BlockingQueue<QbftEvent> queue;

  public EventQueue(int limit) {
    this.queue = new ArrayBlockingQueue<>(limit);
  }

  /** Enqueues without blocking; false when the queue is full and the event was dropped. */
  public boolean offer(QbftEvent event) {
    if (queue.offer(event)) {
      return true;
    }
    LOG.warn("QBFT event queue is full; dropped a {}", event.getClass().getSimpleName());
    return false;
  }

  /** The next event, waiting at most {@code timeoutMillis}. */
  Optional<QbftEvent> poll(long timeoutMillis) throws InterruptedException {
    return Optional.ofNullable(queue.poll(timeoutMillis, TimeUnit.MILLISECONDS));
  }

  Optional<QbftEvent> poll() {
    return Optional.ofNullable(queue.poll());
  }

  public int size() {
    return queue.size();
  }
}

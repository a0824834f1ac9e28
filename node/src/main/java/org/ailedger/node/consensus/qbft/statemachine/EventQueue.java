package org.ailedger.node.consensus.qbft.statemachine;

import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one queue consensus drains. Network, timers and chain events only offer to it. Peers'
 * messages are bounded by messagequeuelimit and dropped beyond it, as Besu's BftEventQueue drops,
 * because a blocked network thread would stall every peer; so are peers' connections, which peers
 * drive too. Timer expiries, new heads and sync changes are never dropped: a lost new head would
 * leave consensus on a height the chain has passed, and they are few by nature (two timers pending
 * at most, one head per block).
 */
public final class EventQueue {
  private static final Logger LOG = LoggerFactory.getLogger(EventQueue.class);

  private final BlockingQueue<QbftEvent> queue = new LinkedBlockingQueue<>();
  private final AtomicInteger messages = new AtomicInteger();
  private final AtomicBoolean dropping = new AtomicBoolean();
  private final int messageLimit;

  public EventQueue(int messageLimit) {
    if (messageLimit < 1) {
      throw new IllegalArgumentException("message limit must be positive: " + messageLimit);
    }
    this.messageLimit = messageLimit;
  }

  /** Enqueues without blocking; false when a peer's message was dropped for want of room. */
  public boolean offer(QbftEvent event) {
    if (fromPeers(event)) {
      if (messages.incrementAndGet() > messageLimit) {
        messages.decrementAndGet();
        // once per burst: a flood of messages must not become a flood of log lines
        if (dropping.compareAndSet(false, true)) {
          LOG.warn("QBFT message queue is full ({}); dropping peers' messages", messageLimit);
        }
        return false;
      }
      dropping.set(false);
    }
    queue.add(event);
    return true;
  }

  /** The next event, waiting at most {@code timeoutMillis}. */
  Optional<QbftEvent> poll(long timeoutMillis) throws InterruptedException {
    return taken(queue.poll(timeoutMillis, TimeUnit.MILLISECONDS));
  }

  Optional<QbftEvent> poll() {
    return taken(queue.poll());
  }

  public int size() {
    return queue.size();
  }

  private static boolean fromPeers(QbftEvent event) {
    return event instanceof QbftEvent.MessageReceived || event instanceof QbftEvent.PeerConnected;
  }

  private Optional<QbftEvent> taken(QbftEvent event) {
    if (fromPeers(event)) {
      messages.decrementAndGet();
    }
    return Optional.ofNullable(event);
  }
}

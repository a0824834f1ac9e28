package org.ailedger.node.p2p.rlpx;

import io.vertx.core.Context;
import io.vertx.core.net.NetSocket;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.tuweni.bytes.Bytes;

/**
 * Subprotocol messages waiting for one peer's socket, bounded by payload bytes. Any thread offers;
 * the connection's event loop polls.
 */
final class OutboundQueue {
  record Outbound(int absoluteCode, Bytes payload) {}

  private final long maxBytes;
  private final AtomicLong queuedBytes = new AtomicLong();
  private final ConcurrentLinkedQueue<Outbound> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean flushScheduled = new AtomicBoolean();

  OutboundQueue(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** False when the message would take the queue past its bound. */
  boolean offer(Outbound message) {
    int size = message.payload().size();
    long after = queuedBytes.addAndGet(size);
    if (after > maxBytes) {
      queuedBytes.addAndGet(-size);
      return false;
    }
    queue.add(message);
    return true;
  }

  Outbound poll() {
    Outbound next = queue.poll();
    if (next != null) {
      queuedBytes.addAndGet(-next.payload().size());
    }
    return next;
  }

  /** Runs {@code flush} on the event loop once, however many threads offered meanwhile. */
  void scheduleFlush(Context context, Runnable flush) {
    if (flushScheduled.compareAndSet(false, true)) {
      context.runOnContext(
          v -> {
            flushScheduled.set(false);
            flush.run();
          });
    }
  }

  /**
   * Hands queued messages to {@code writer} while the socket accepts more; when its write queue is
   * full, {@code resume} runs once it drains. On the event loop.
   */
  void flushTo(NetSocket socket, Consumer<Outbound> writer, Runnable resume) {
    while (!socket.writeQueueFull()) {
      Outbound next = poll();
      if (next == null) {
        return;
      }
      writer.accept(next);
    }
    socket.drainHandler(v -> resume.run());
  }

  void clear() {
    while (poll() != null) {
      // drained: the bytes are given back one by one
    }
  }
}

package org.ailedger.node.sync;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.ailedger.node.p2p.eth.EthDecodeResult;
import org.ailedger.node.p2p.eth.EthMessage;
import org.ailedger.node.p2p.eth.EthMessageCodec;
import org.ailedger.node.p2p.eth.EthMessages;
import org.ailedger.node.p2p.eth.EthPeer;
import org.ailedger.node.p2p.eth.EthProtocolViolation;
import org.apache.tuweni.bytes.Bytes;

/**
 * Eth sessions between in-process nodes. Every message goes through the codec's bytes and waits in
 * one queue that the test thread drains, so delivery is ordered and never re-entrant: with {@link
 * #runUntilIdle()} when imports and timers run on the test thread, with {@link #runUntil} when they
 * run on threads of their own and the test awaits a condition.
 */
final class InMemoryNetwork {
  private final BlockingQueue<Runnable> deliveries = new LinkedBlockingQueue<>();
  private int nextId = 1;

  /** One end of a link: the remote node as the local node sees it. */
  final class End implements EthPeer {
    private final Bytes nodeId;
    private final EthMessages remote;
    private End mirror;
    private EthMessages local;
    private volatile UnaryOperator<EthMessage> outbound = UnaryOperator.identity();
    private volatile boolean closed;
    volatile EthProtocolViolation disconnectedFor;

    private End(EthMessages remote) {
      this.nodeId = Bytes.concatenate(Bytes.ofUnsignedInt(nextId++), Bytes.repeat((byte) 1, 60));
      this.remote = remote;
    }

    @Override
    public Bytes nodeId() {
      return nodeId;
    }

    /** What the remote node sends to us is rewritten by {@code tamper} (null: not sent). */
    void remoteSendsThrough(UnaryOperator<EthMessage> tamper) {
      mirror.outbound = tamper;
    }

    @Override
    public void send(EthMessage message) {
      if (closed) {
        return;
      }
      EthMessage sent = outbound.apply(message);
      if (sent == null) {
        return;
      }
      Bytes wire = EthMessageCodec.encode(sent);
      deliveries.add(
          () -> {
            if (mirror.closed) {
              return;
            }
            switch (EthMessageCodec.decode(sent.code(), wire)) {
              case EthDecodeResult.Decoded d -> remote.messageReceived(mirror, d.message());
              case EthDecodeResult.Malformed m -> mirror.disconnect(m.violation());
            }
          });
    }

    @Override
    public void disconnect(EthProtocolViolation reason) {
      if (closed) {
        return;
      }
      disconnectedFor = reason;
      closed = true;
      mirror.closed = true;
      deliveries.add(() -> local.peerDisconnected(this));
      deliveries.add(() -> remote.peerDisconnected(mirror));
    }

    /** Ends the session without blaming either side, as a node shutting down does. */
    void close() {
      closed = true;
      mirror.closed = true;
      deliveries.add(() -> local.peerDisconnected(this));
      deliveries.add(() -> remote.peerDisconnected(mirror));
    }

    boolean isClosed() {
      return closed;
    }
  }

  /** Connects {@code a} and {@code b}; returns b as a sees it. */
  End connect(EthMessages a, EthMessages b) {
    End bAsSeenByA = new End(b);
    End aAsSeenByB = new End(a);
    bAsSeenByA.mirror = aAsSeenByB;
    aAsSeenByB.mirror = bAsSeenByA;
    bAsSeenByA.local = a;
    aAsSeenByB.local = b;
    deliveries.add(() -> a.peerConnected(bAsSeenByA));
    deliveries.add(() -> b.peerConnected(aAsSeenByB));
    return bAsSeenByA;
  }

  /** Delivers messages as they come until {@code done} holds; fails after {@code timeout}. */
  void runUntil(BooleanSupplier done, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not done within " + timeout);
      }
      Runnable delivery = deliveries.poll(20, TimeUnit.MILLISECONDS);
      if (delivery != null) {
        delivery.run();
      }
    }
  }

  void runUntilIdle() {
    for (int steps = 0; !deliveries.isEmpty(); steps++) {
      if (steps > 100_000) {
        throw new IllegalStateException("the network never went idle");
      }
      deliveries.poll().run();
    }
  }
}

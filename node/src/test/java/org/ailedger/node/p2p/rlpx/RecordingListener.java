package org.ailedger.node.p2p.rlpx;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.ailedger.node.p2p.wire.Capability;
import org.apache.tuweni.bytes.Bytes;

/** Records what a transport tells its owner, for tests to await in order. */
final class RecordingListener implements PeerListener {
  static final Duration WAIT = Duration.ofSeconds(10);

  sealed interface Event {}

  record Connected(PeerConnection peer) implements Event {}

  record Message(PeerConnection peer, Capability capability, int code, Bytes payload)
      implements Event {}

  record Disconnected(PeerConnection peer, DisconnectCause cause) implements Event {}

  record ConnectFailed(InetSocketAddress remote, boolean inbound, DisconnectCause cause)
      implements Event {}

  private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();

  @Override
  public void onConnected(PeerConnection peer) {
    events.add(new Connected(peer));
  }

  @Override
  public void onMessage(PeerConnection peer, Capability capability, int code, Bytes payload) {
    events.add(new Message(peer, capability, code, payload));
  }

  @Override
  public void onDisconnected(PeerConnection peer, DisconnectCause cause) {
    events.add(new Disconnected(peer, cause));
  }

  @Override
  public void onConnectFailed(InetSocketAddress remote, boolean inbound, DisconnectCause cause) {
    events.add(new ConnectFailed(remote, inbound, cause));
  }

  /** The next event, which must be a {@code type}; fails after {@link #WAIT}. */
  <T extends Event> T next(Class<T> type) {
    Event event;
    try {
      event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for " + type.getSimpleName(), e);
    }
    if (event == null) {
      throw new AssertionError("no " + type.getSimpleName() + " within " + WAIT);
    }
    if (!type.isInstance(event)) {
      throw new AssertionError("expected " + type.getSimpleName() + " but got " + event);
    }
    return type.cast(event);
  }

  /** True when nothing at all has been reported. */
  boolean isQuiet() {
    return events.isEmpty();
  }
}

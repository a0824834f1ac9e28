package org.ailedger.node.p2p.rlpx;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.ailedger.node.crypto.PublicKey;
import org.ailedger.node.p2p.rlpx.framing.FrameCodec;
import org.ailedger.node.p2p.rlpx.framing.FrameRead;
import org.ailedger.node.p2p.rlpx.framing.MessageCodec;
import org.ailedger.node.p2p.rlpx.framing.MessageRead;
import org.ailedger.node.p2p.rlpx.handshake.HandshakeStep;
import org.ailedger.node.p2p.rlpx.handshake.Handshaker;
import org.ailedger.node.p2p.wire.Capability;
import org.ailedger.node.p2p.wire.CapabilityMultiplexer;
import org.ailedger.node.p2p.wire.DisconnectMessage;
import org.ailedger.node.p2p.wire.DisconnectReason;
import org.ailedger.node.p2p.wire.HelloMessage;
import org.ailedger.node.p2p.wire.SharedCapability;
import org.ailedger.node.p2p.wire.WireCodes;
import org.apache.tuweni.bytes.Bytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection through handshake, Hello exchange and message exchange. Everything but {@link
 * #send} and {@link #disconnect} runs on the transport's event loop, so the cipher and MAC states,
 * timers and the state machine need no locks.
 */
final class RlpxConnection implements PeerConnection {
  private static final Logger LOG = LoggerFactory.getLogger(RlpxConnection.class);

  private enum State {
    HANDSHAKE,
    AWAITING_HELLO,
    ESTABLISHED,
    CLOSED
  }

  private final Context context;
  private final NetSocket socket;
  private final boolean inbound;
  private final HelloMessage localHello;
  private final RlpxConfig config;
  private final ConnectionOwner owner;
  private final InetSocketAddress remoteAddress;
  private final InboundBuffer received = new InboundBuffer();
  private final OutboundQueue outbound;
  private final Promise<PeerConnection> establishment = Promise.promise();
  private Handshaker handshaker;
  private FrameCodec frames;
  private MessageCodec messages;
  private volatile State state = State.HANDSHAKE;
  private volatile PublicKey nodeId;
  private volatile HelloMessage remoteHello;
  private volatile CapabilityMultiplexer multiplexer;
  private final KeepAlive keepAlive;
  private long handshakeTimer = -1;

  RlpxConnection(
      Context context,
      NetSocket socket,
      boolean inbound,
      Handshaker handshaker,
      HelloMessage localHello,
      RlpxConfig config,
      ConnectionOwner owner) {
    this.context = context;
    this.socket = socket;
    this.inbound = inbound;
    this.handshaker = handshaker;
    this.localHello = localHello;
    this.config = config;
    this.owner = owner;
    this.outbound = new OutboundQueue(config.outboundQueueBytes());
    this.keepAlive =
        new KeepAlive(
            context.owner(),
            config.pingInterval(),
            () -> writeMessage(WireCodes.PING, WireCodes.EMPTY_LIST),
            () -> disconnectWith(LocalReason.PING_TIMEOUT, DisconnectReason.TIMEOUT));
    this.remoteAddress =
        InetSocketAddress.createUnresolved(
            socket.remoteAddress().hostAddress(), socket.remoteAddress().port());
  }

  /** Starts reading, arms the handshake timeout and, when dialling, sends the auth. */
  void start() {
    socket.handler(this::onData);
    socket.closeHandler(v -> finish(new DisconnectCause.ConnectionLost(), false));
    socket.exceptionHandler(
        e -> {
          LOG.debug("socket error with {}: {}", remoteAddress, e.toString());
          finish(new DisconnectCause.ConnectionLost(), false);
        });
    handshakeTimer =
        context
            .owner()
            .setTimer(
                config.handshakeTimeout().toMillis(),
                id -> {
                  handshakeTimer = -1;
                  disconnectWith(LocalReason.HANDSHAKE_TIMEOUT, DisconnectReason.TIMEOUT);
                });
    if (!inbound) {
      write(handshaker.authPacket());
    }
  }

  Future<PeerConnection> establishment() {
    return establishment.future();
  }

  @Override
  public PublicKey nodeId() {
    return nodeId;
  }

  @Override
  public HelloMessage remoteHello() {
    return remoteHello;
  }

  @Override
  public List<SharedCapability> sharedCapabilities() {
    CapabilityMultiplexer mux = multiplexer;
    return mux == null ? List.of() : mux.shared();
  }

  @Override
  public InetSocketAddress remoteAddress() {
    return remoteAddress;
  }

  @Override
  public boolean inbound() {
    return inbound;
  }

  @Override
  public boolean isConnected() {
    return state == State.ESTABLISHED;
  }

  @Override
  public SendResult send(Capability capability, int code, Bytes payload) {
    CapabilityMultiplexer mux = multiplexer;
    if (state != State.ESTABLISHED || mux == null) {
      return SendResult.NOT_CONNECTED;
    }
    Optional<SharedCapability> shared = mux.find(capability);
    if (shared.isEmpty()) {
      return SendResult.NOT_SHARED;
    }
    if (code < 0 || code >= shared.get().messageSpace()) {
      throw new IllegalArgumentException(
          capability + " has codes 0 to " + (shared.get().messageSpace() - 1) + ", not " + code);
    }
    if (payload.size() > config.maxMessageSize()) {
      return SendResult.TOO_LARGE;
    }
    if (!outbound.offer(new OutboundQueue.Outbound(shared.get().offset() + code, payload.copy()))) {
      return SendResult.QUEUE_FULL;
    }
    outbound.scheduleFlush(context, this::flush);
    return SendResult.QUEUED;
  }

  @Override
  public void disconnect(DisconnectReason reason) {
    context.runOnContext(v -> disconnectWith(LocalReason.REQUESTED, reason));
  }

  /** Ends the connection, telling the peer {@code sent} when session keys exist. */
  void disconnectWith(LocalReason why, DisconnectReason sent) {
    if (state == State.CLOSED) {
      return;
    }
    boolean canSend = frames != null;
    if (canSend) {
      outbound.clear();
      writeMessage(WireCodes.DISCONNECT, DisconnectMessage.of(sent).encode());
    }
    LOG.debug("disconnecting {} ({}, sent {})", remoteAddress, why, canSend ? sent : "nothing");
    finish(new DisconnectCause.ByUs(why, canSend ? Optional.of(sent) : Optional.empty()), canSend);
  }

  private void onData(Buffer chunk) {
    if (state == State.CLOSED) {
      return;
    }
    received.append(chunk);
    keepAlive.bytesRead();
    if (state == State.HANDSHAKE && !advanceHandshake()) {
      return;
    }
    readFrames();
  }

  /** True when the handshake is done and frames may follow. */
  private boolean advanceHandshake() {
    switch (handshaker.receive(received.view())) {
      case HandshakeStep.NeedMoreBytes more -> {
        return false;
      }
      case HandshakeStep.Failed failed -> {
        LOG.debug("handshake with {} failed: {}", remoteAddress, failed.failure());
        disconnectWith(LocalReason.BAD_HANDSHAKE, DisconnectReason.BREACH_OF_PROTOCOL);
        return false;
      }
      case HandshakeStep.Completed done -> {
        received.consume(done.consumed());
        if (!done.reply().isEmpty()) {
          write(done.reply());
        }
        handshaker = null;
        nodeId = done.secrets().remoteNodeId();
        frames =
            new FrameCodec(done.secrets(), MessageCodec.maxFrameSizeFor(config.maxMessageSize()));
        messages = new MessageCodec(config.maxMessageSize());
        state = State.AWAITING_HELLO;
        Optional<LocalReason> refused = owner.admitAfterHandshake(this);
        if (refused.isPresent()) {
          disconnectWith(refused.get(), refused.get().wireReason());
          return false;
        }
        writeMessage(WireCodes.HELLO, localHello.encode());
        return true;
      }
    }
  }

  private void readFrames() {
    while (state == State.AWAITING_HELLO || state == State.ESTABLISHED) {
      switch (frames.decode(received.view())) {
        case FrameRead.NeedMoreBytes more -> {
          received.consume(more.consumed());
          return;
        }
        case FrameRead.Rejected rejected -> {
          violation(LocalReason.of(rejected.failure()));
          return;
        }
        case FrameRead.Frame frame -> {
          received.consume(frame.consumed());
          onFrame(frame.data());
        }
      }
    }
  }

  private void onFrame(Bytes frameData) {
    switch (messages.decode(frameData)) {
      case MessageRead.Rejected rejected -> violation(LocalReason.of(rejected.failure()));
      case MessageRead.Message message -> dispatch(message.code(), message.payload());
    }
  }

  private void dispatch(int code, Bytes payload) {
    if (code == WireCodes.DISCONNECT) {
      onPeerDisconnect(payload);
    } else if (state == State.AWAITING_HELLO) {
      if (code == WireCodes.HELLO) {
        onHello(payload);
      } else {
        violation(LocalReason.MESSAGE_BEFORE_HELLO);
      }
    } else if (code == WireCodes.HELLO) {
      violation(LocalReason.DUPLICATE_HELLO);
    } else if (code == WireCodes.PING) {
      writeMessage(WireCodes.PONG, WireCodes.EMPTY_LIST);
    } else if (code == WireCodes.PONG) {
      // any bytes read already told the keep-alive the peer is there
    } else if (code < WireCodes.BASE_PROTOCOL_SPACE) {
      violation(LocalReason.UNKNOWN_MESSAGE_CODE);
    } else {
      Optional<CapabilityMultiplexer.Routed> routed = multiplexer.route(code);
      if (routed.isEmpty()) {
        violation(LocalReason.UNKNOWN_MESSAGE_CODE);
        return;
      }
      owner.messageReceived(this, routed.get(), payload);
    }
  }

  private void onHello(Bytes payload) {
    HelloMessage hello;
    try {
      hello = HelloMessage.decode(payload);
    } catch (IllegalArgumentException e) {
      LOG.debug("malformed Hello from {}: {}", remoteAddress, e.getMessage());
      violation(LocalReason.MALFORMED_MESSAGE);
      return;
    }
    if (!hello.nodeId().equals(nodeId)) {
      violation(LocalReason.UNEXPECTED_IDENTITY);
      return;
    }
    CapabilityMultiplexer mux =
        CapabilityMultiplexer.negotiate(config.subProtocols(), hello.capabilities());
    if (mux.shared().isEmpty()) {
      violation(LocalReason.NO_SHARED_CAPABILITY);
      return;
    }
    remoteHello = hello;
    multiplexer = mux;
    if (hello.p2pVersion() >= WireCodes.SNAPPY_VERSION
        && localHello.p2pVersion() >= WireCodes.SNAPPY_VERSION) {
      messages.enableCompression();
    }
    Optional<LocalReason> refused = owner.admitAfterHello(this);
    if (refused.isPresent()) {
      violation(refused.get());
      return;
    }
    cancelTimer(handshakeTimer);
    handshakeTimer = -1;
    state = State.ESTABLISHED;
    LOG.debug("peer {} at {} is {}", nodeId, remoteAddress, hello);
    keepAlive.start();
    owner.established(this);
    establishment.tryComplete(this);
  }

  private void onPeerDisconnect(Bytes payload) {
    int code;
    try {
      code = DisconnectMessage.decode(payload).code();
    } catch (IllegalArgumentException e) {
      code = DisconnectReason.REQUESTED.code();
    }
    LOG.debug("{} disconnected with code {}", remoteAddress, code);
    finish(new DisconnectCause.ByPeer(code), false);
  }

  private void violation(LocalReason why) {
    disconnectWith(why, why.wireReason());
  }

  private void flush() {
    if (state == State.ESTABLISHED) {
      outbound.flushTo(socket, m -> writeMessage(m.absoluteCode(), m.payload()), this::flush);
    }
  }

  private void writeMessage(int code, Bytes payload) {
    write(frames.encode(messages.encode(code, payload)));
  }

  private void write(Bytes bytes) {
    socket.write(Buffer.buffer(bytes.toArrayUnsafe()));
  }

  /**
   * The one way out. With {@code linger}, our Disconnect gets the grace period to reach the peer
   * before the socket closes; input is ignored meanwhile.
   */
  private void finish(DisconnectCause cause, boolean linger) {
    if (state == State.CLOSED) {
      return;
    }
    boolean wasEstablished = state == State.ESTABLISHED;
    state = State.CLOSED;
    cancelTimer(handshakeTimer);
    keepAlive.stop();
    outbound.clear();
    owner.closed(this, wasEstablished, cause);
    if (!wasEstablished) {
      establishment.tryFail(new PeerConnectException("no connection to " + remoteAddress, cause));
    }
    if (linger) {
      context.owner().setTimer(config.disconnectGrace().toMillis(), id -> socket.close());
    } else {
      socket.close();
    }
  }

  private void cancelTimer(long id) {
    if (id >= 0) {
      context.owner().cancelTimer(id);
    }
  }

  @Override
  public String toString() {
    return "RlpxConnection{" + (inbound ? "from " : "to ") + remoteAddress + "}";
  }
}

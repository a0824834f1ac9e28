package org.ailedger.node.p2p.rlpx;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.util.List;
import org.ailedger.node.crypto.BouncyCastleSecp256k1;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.crypto.PublicKey;
import org.ailedger.node.p2p.rlpx.framing.FrameCodec;
import org.ailedger.node.p2p.rlpx.framing.FrameRead;
import org.ailedger.node.p2p.rlpx.framing.MessageCodec;
import org.ailedger.node.p2p.rlpx.framing.MessageRead;
import org.ailedger.node.p2p.rlpx.handshake.Ephemeral;
import org.ailedger.node.p2p.rlpx.handshake.HandshakeStep;
import org.ailedger.node.p2p.rlpx.handshake.Handshaker;
import org.ailedger.node.p2p.wire.Capability;
import org.ailedger.node.p2p.wire.HelloMessage;
import org.ailedger.node.p2p.wire.WireCodes;
import org.apache.tuweni.bytes.Bytes;

/**
 * A hand-driven peer on a blocking socket, built from our own handshake and framing layers, that
 * can misbehave on purpose: bad MACs, oversized frames, messages out of order.
 */
final class TestPeer implements AutoCloseable {
  private static final int READ_TIMEOUT_MS = 10_000;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final KeyPair key;
  private FrameCodec frames;
  private final MessageCodec messages = new MessageCodec(FrameCodec.MAX_FRAME_SIZE);
  private Bytes buffered = Bytes.EMPTY;

  private TestPeer(Socket socket, KeyPair key) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
    this.key = key;
  }

  static KeyPair randomKey() {
    return Ephemeral.random(new SecureRandom()).keyPair();
  }

  /** A plain TCP connection, nothing sent yet. */
  static TestPeer raw(int port) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(READ_TIMEOUT_MS);
    return new TestPeer(socket, randomKey());
  }

  /** Connected and through the RLPx handshake as initiator; no Hello sent yet. */
  static TestPeer handshaken(int port, PublicKey remote) throws IOException {
    TestPeer peer = raw(port);
    SecureRandom random = new SecureRandom();
    Handshaker handshaker =
        Handshaker.initiator(
            peer.key, remote, Ephemeral.random(random), new BouncyCastleSecp256k1(), random);
    peer.write(handshaker.authPacket());
    while (true) {
      peer.readMore();
      switch (handshaker.receive(peer.buffered)) {
        case HandshakeStep.NeedMoreBytes more -> {}
        case HandshakeStep.Failed failed -> throw new IOException("handshake failed: " + failed);
        case HandshakeStep.Completed done -> {
          peer.buffered = peer.buffered.slice(done.consumed());
          peer.frames = new FrameCodec(done.secrets(), FrameCodec.MAX_FRAME_SIZE);
          return peer;
        }
      }
    }
  }

  PublicKey nodeId() {
    return key.publicKey();
  }

  /** Sends our Hello, reads the transport's, and switches to snappy as both announce v5. */
  HelloMessage exchangeHellos(List<Capability> capabilities) throws IOException {
    sendMessage(
        WireCodes.HELLO,
        new HelloMessage(5, "test-peer", capabilities, 0, key.publicKey()).encode());
    MessageRead.Message hello = readMessage();
    if (hello.code() != WireCodes.HELLO) {
      throw new IOException("expected Hello, got code " + hello.code());
    }
    messages.enableCompression();
    return HelloMessage.decode(hello.payload());
  }

  void sendMessage(int code, Bytes payload) throws IOException {
    sendFrame(messages.encode(code, payload));
  }

  void sendFrame(Bytes frameData) throws IOException {
    write(frames.encode(frameData));
  }

  /** A frame whose last MAC byte is wrong. */
  void sendFrameWithBadMac(Bytes frameData) throws IOException {
    byte[] frame = frames.encode(frameData).toArray();
    frame[frame.length - 1] ^= 1;
    write(Bytes.wrap(frame));
  }

  void write(Bytes bytes) throws IOException {
    out.write(bytes.toArrayUnsafe());
    out.flush();
  }

  MessageRead.Message readMessage() throws IOException {
    while (true) {
      switch (frames.decode(buffered)) {
        case FrameRead.NeedMoreBytes more -> {
          buffered = buffered.slice(more.consumed());
          readMore();
        }
        case FrameRead.Rejected rejected -> throw new IOException("bad frame: " + rejected);
        case FrameRead.Frame frame -> {
          buffered = buffered.slice(frame.consumed());
          return switch (messages.decode(frame.data())) {
            case MessageRead.Message message -> message;
            case MessageRead.Rejected rejected -> throw new IOException("bad message " + rejected);
          };
        }
      }
    }
  }

  /** Raw bytes as they arrive, at least {@code count} of them. */
  Bytes readAtLeast(int count) throws IOException {
    while (buffered.size() < count) {
      readMore();
    }
    return buffered;
  }

  /** True when the other side closed the connection within the read timeout. */
  boolean closedByRemote() throws IOException {
    try {
      while (true) {
        if (in.read(new byte[4096]) < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset by peer also means closed
    }
  }

  private void readMore() throws IOException {
    byte[] chunk = new byte[8192];
    int n = in.read(chunk);
    if (n < 0) {
      throw new IOException("connection closed by the transport");
    }
    buffered = Bytes.concatenate(buffered, Bytes.wrap(chunk, 0, n));
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}

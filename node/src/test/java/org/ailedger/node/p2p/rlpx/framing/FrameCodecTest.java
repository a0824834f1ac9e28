package org.ailedger.node.p2p.rlpx.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.ailedger.node.crypto.BouncyCastleSecp256k1;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.crypto.PrivateKey;
import org.ailedger.node.p2p.rlpx.handshake.Eip8Vectors;
import org.ailedger.node.p2p.rlpx.handshake.Ephemeral;
import org.ailedger.node.p2p.rlpx.handshake.HandshakeSecrets;
import org.ailedger.node.p2p.rlpx.handshake.HandshakeStep;
import org.ailedger.node.p2p.rlpx.handshake.Handshaker;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class FrameCodecTest {
  private static final int CAP = 4096;
  private final SecureRandom random = new SecureRandom();

  @Test
  void ingressMacStateMatchesTheEip8VectorForFoo() {
    Bytes32 macSecret = Bytes32.fromHexString(Eip8Vectors.MAC_SECRET);
    Bytes seed =
        Bytes.concatenate(
            macSecret.xor(Bytes32.fromHexString(Eip8Vectors.NONCE_B)), Eip8Vectors.AUTH_2);
    FrameMac ingress = new FrameMac(macSecret, seed);

    ingress.absorb(Bytes.wrap("foo".getBytes(StandardCharsets.US_ASCII)));

    assertThat(ingress.digest()).isEqualTo(Bytes32.fromHexString(Eip8Vectors.INGRESS_MAC_FOO));
  }

  @Test
  void framesOfEverySizeArriveIntactInOrder() {
    FrameCodec[] pair = connectedPair();
    int[] sizes = {0, 1, 15, 16, 17, 31, 32, 1000, CAP};
    for (int size : sizes) {
      Bytes data = randomBytes(size);

      FrameRead read = pair[1].decode(pair[0].encode(data));

      assertThat(read).isInstanceOf(FrameRead.Frame.class);
      assertThat(((FrameRead.Frame) read).data()).isEqualTo(data);
    }
  }

  @Test
  void bothDirectionsWorkIndependently() {
    FrameCodec[] pair = connectedPair();
    Bytes ping = Bytes.fromHexString("0x02c0");

    assertThat(((FrameRead.Frame) pair[0].decode(pair[1].encode(ping))).data()).isEqualTo(ping);
    assertThat(((FrameRead.Frame) pair[1].decode(pair[0].encode(ping))).data()).isEqualTo(ping);
  }

  @Test
  void frameArrivingByteByByteIsAssembledOnce() {
    FrameCodec[] pair = connectedPair();
    Bytes data = randomBytes(50);
    Bytes wire = pair[0].encode(data);
    Bytes buffered = Bytes.EMPTY;
    FrameRead read = null;

    for (int i = 0; i < wire.size(); i++) {
      buffered = Bytes.concatenate(buffered, wire.slice(i, 1));
      read = pair[1].decode(buffered);
      if (read instanceof FrameRead.NeedMoreBytes more) {
        buffered = buffered.slice(more.consumed());
      }
    }

    assertThat(read).isEqualTo(new FrameRead.Frame(data, 64 + 16));
  }

  @Test
  void alteredHeaderFailsItsMac() {
    FrameCodec[] pair = connectedPair();

    FrameRead read = pair[1].decode(flip(pair[0].encode(randomBytes(10)), 3));

    assertThat(read).isEqualTo(new FrameRead.Rejected(FrameFailure.BAD_HEADER_MAC));
  }

  @Test
  void alteredBodyFailsTheFrameMac() {
    FrameCodec[] pair = connectedPair();

    FrameRead read = pair[1].decode(flip(pair[0].encode(randomBytes(10)), 40));

    assertThat(read).isEqualTo(new FrameRead.Rejected(FrameFailure.BAD_FRAME_MAC));
  }

  @Test
  void frameAboveTheCapIsRefusedFromItsHeader() {
    HandshakeSecrets[] secrets = handshake();
    FrameCodec sender = new FrameCodec(secrets[0], CAP);
    FrameCodec strict = new FrameCodec(secrets[1], 100);

    FrameRead read = strict.decode(sender.encode(randomBytes(101)).slice(0, 32));

    assertThat(read).isEqualTo(new FrameRead.Rejected(FrameFailure.OVERSIZED_FRAME));
  }

  private FrameCodec[] connectedPair() {
    HandshakeSecrets[] secrets = handshake();
    return new FrameCodec[] {new FrameCodec(secrets[0], CAP), new FrameCodec(secrets[1], CAP)};
  }

  /** Initiator's and recipient's secrets from a real handshake between two of our nodes. */
  private HandshakeSecrets[] handshake() {
    var secp = new BouncyCastleSecp256k1();
    KeyPair a = KeyPair.of(PrivateKey.fromHex(Eip8Vectors.STATIC_KEY_A));
    KeyPair b = KeyPair.of(PrivateKey.fromHex(Eip8Vectors.STATIC_KEY_B));
    Handshaker initiator =
        Handshaker.initiator(a, b.publicKey(), Ephemeral.random(random), secp, random);
    Handshaker recipient = Handshaker.recipient(b, Ephemeral.random(random), secp, random);
    var answered = (HandshakeStep.Completed) recipient.receive(initiator.authPacket());
    var finished = (HandshakeStep.Completed) initiator.receive(answered.reply());
    return new HandshakeSecrets[] {finished.secrets(), answered.secrets()};
  }

  private Bytes randomBytes(int size) {
    byte[] bytes = new byte[size];
    random.nextBytes(bytes);
    return Bytes.wrap(bytes);
  }

  private static Bytes flip(Bytes bytes, int index) {
    byte[] copy = bytes.toArray();
    copy[index] ^= 1;
    return Bytes.wrap(copy);
  }
}

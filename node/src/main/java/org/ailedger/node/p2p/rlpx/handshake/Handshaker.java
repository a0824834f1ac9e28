package org.ailedger.node.p2p.rlpx.handshake;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Optional;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.crypto.PublicKey;
import org.ailedger.node.crypto.Secp256k1;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * One side of the RLPx ECIES handshake, as a state machine over received bytes. The initiator sends
 * its auth in EIP-8 form; the recipient accepts both forms and answers in the form it received, as
 * EIP-8 asks. Not thread-safe: a connection drives it from one thread.
 */
public final class Handshaker {
  /** Pre-EIP-8 packets have fixed sizes; EIP-8 ones carry a 2-byte size prefix. */
  static final int PLAIN_AUTH_PACKET = AuthMessage.PLAIN_SIZE + Ecies.OVERHEAD;

  static final int PLAIN_ACK_PACKET = AckMessage.PLAIN_SIZE + Ecies.OVERHEAD;

  /**
   * Largest EIP-8 packet accepted. Real ones are 300–600 bytes (EIP-8 recommends 100–300 bytes of
   * padding); the bound keeps a peer from making us buffer 64 KiB per half-open connection.
   */
  public static final int MAX_PACKET_SIZE = 2048;

  static final int VERSION = 4;
  private static final int MIN_PADDING = 100;
  private static final int PADDING_SPREAD = 201;

  private enum State {
    AWAITING_AUTH,
    AWAITING_ACK,
    DONE
  }

  private final boolean initiator;
  private final KeyPair nodeKey;
  private final Ephemeral ephemeral;
  private final Secp256k1 secp256k1;
  private final SecureRandom random;
  private final PublicKey remoteNodeKey;
  private State state;
  private Bytes authPacket;

  private Handshaker(
      boolean initiator,
      KeyPair nodeKey,
      PublicKey remoteNodeKey,
      Ephemeral ephemeral,
      Secp256k1 secp256k1,
      SecureRandom random) {
    this.initiator = initiator;
    this.nodeKey = nodeKey;
    this.remoteNodeKey = remoteNodeKey;
    this.ephemeral = ephemeral;
    this.secp256k1 = secp256k1;
    this.random = random;
    this.state = initiator ? State.AWAITING_ACK : State.AWAITING_AUTH;
  }

  /** The dialling side, which knows the key of the node it dials. */
  public static Handshaker initiator(
      KeyPair nodeKey,
      PublicKey remoteNodeKey,
      Ephemeral ephemeral,
      Secp256k1 secp256k1,
      SecureRandom random) {
    return new Handshaker(true, nodeKey, remoteNodeKey, ephemeral, secp256k1, random);
  }

  /** The accepting side, which learns the peer's key from its auth. */
  public static Handshaker recipient(
      KeyPair nodeKey, Ephemeral ephemeral, Secp256k1 secp256k1, SecureRandom random) {
    return new Handshaker(false, nodeKey, null, ephemeral, secp256k1, random);
  }

  /** The initiator's auth packet, EIP-8 form; call once, before any bytes are received. */
  public Bytes authPacket() {
    if (!initiator || authPacket != null) {
      throw new IllegalStateException("only an initiator sends auth, and only once");
    }
    Bytes32 staticShared =
        Ecdh.agree(nodeKey.privateKey(), remoteNodeKey)
            .orElseThrow(() -> new IllegalArgumentException("the dialled key is not on the curve"));
    Bytes signature =
        secp256k1.sign(staticShared.xor(ephemeral.nonce()), ephemeral.keyPair().privateKey());
    AuthMessage auth = new AuthMessage(signature, nodeKey.publicKey(), ephemeral.nonce(), VERSION);
    authPacket = eip8Packet(auth.encode(), remoteNodeKey);
    return authPacket;
  }

  /**
   * Looks at everything received and not yet consumed. Call again with more bytes after {@link
   * HandshakeStep.NeedMoreBytes}; after {@code Completed} or {@code Failed} the handshaker is done.
   */
  public HandshakeStep receive(Bytes received) {
    return switch (state) {
      case AWAITING_AUTH -> receiveAuth(received);
      case AWAITING_ACK -> {
        if (authPacket == null) {
          throw new IllegalStateException("send the auth packet before receiving");
        }
        yield receiveAck(received);
      }
      case DONE -> throw new IllegalStateException("the handshake is over");
    };
  }

  private HandshakeStep receiveAuth(Bytes received) {
    Packet packet;
    switch (readPacket(received, PLAIN_AUTH_PACKET)) {
      case PacketRead.Incomplete incomplete -> {
        return new HandshakeStep.NeedMoreBytes();
      }
      case PacketRead.Refused refused -> {
        return fail(refused.failure());
      }
      case PacketRead.Read read -> packet = read.packet();
    }
    AuthMessage auth;
    try {
      auth =
          packet.eip8()
              ? AuthMessage.decode(packet.plain())
              : AuthMessage.decodePlain(packet.plain());
    } catch (IllegalArgumentException e) {
      return fail(HandshakeFailure.MALFORMED);
    }
    Optional<Bytes32> staticShared = Ecdh.agree(nodeKey.privateKey(), auth.initiatorKey());
    if (staticShared.isEmpty()) {
      return fail(HandshakeFailure.INVALID_KEY);
    }
    Optional<PublicKey> remoteEphemeral =
        recoverSigner(staticShared.get().xor(auth.nonce()), auth.signature());
    if (remoteEphemeral.isEmpty()
        || (!packet.eip8()
            && !AuthMessage.keyHash(remoteEphemeral.get())
                .equals(AuthMessage.plainEphemeralKeyHash(packet.plain())))) {
      return fail(HandshakeFailure.BAD_SIGNATURE);
    }
    Optional<Bytes32> ephemeralShared =
        Ecdh.agree(ephemeral.keyPair().privateKey(), remoteEphemeral.get());
    if (ephemeralShared.isEmpty()) {
      return fail(HandshakeFailure.INVALID_KEY);
    }
    AckMessage ack = new AckMessage(ephemeral.keyPair().publicKey(), ephemeral.nonce(), VERSION);
    Bytes ackPacket =
        packet.eip8()
            ? eip8Packet(ack.encode(), auth.initiatorKey())
            : Ecies.encrypt(auth.initiatorKey(), ack.encodePlain(), Bytes.EMPTY, random);
    state = State.DONE;
    HandshakeSecrets secrets =
        HandshakeSecrets.derive(
            false,
            auth.initiatorKey(),
            ephemeralShared.get(),
            auth.nonce(),
            ephemeral.nonce(),
            packet.wire(),
            ackPacket);
    return new HandshakeStep.Completed(ackPacket, secrets, packet.wire().size());
  }

  private HandshakeStep receiveAck(Bytes received) {
    Packet packet;
    switch (readPacket(received, PLAIN_ACK_PACKET)) {
      case PacketRead.Incomplete incomplete -> {
        return new HandshakeStep.NeedMoreBytes();
      }
      case PacketRead.Refused refused -> {
        return fail(refused.failure());
      }
      case PacketRead.Read read -> packet = read.packet();
    }
    AckMessage ack;
    try {
      ack =
          packet.eip8()
              ? AckMessage.decode(packet.plain())
              : AckMessage.decodePlain(packet.plain());
    } catch (IllegalArgumentException e) {
      return fail(HandshakeFailure.MALFORMED);
    }
    Optional<Bytes32> ephemeralShared =
        Ecdh.agree(ephemeral.keyPair().privateKey(), ack.ephemeralKey());
    if (ephemeralShared.isEmpty()) {
      return fail(HandshakeFailure.INVALID_KEY);
    }
    state = State.DONE;
    HandshakeSecrets secrets =
        HandshakeSecrets.derive(
            true,
            remoteNodeKey,
            ephemeralShared.get(),
            ephemeral.nonce(),
            ack.nonce(),
            authPacket,
            packet.wire());
    return new HandshakeStep.Completed(Bytes.EMPTY, secrets, packet.wire().size());
  }

  private HandshakeStep fail(HandshakeFailure failure) {
    state = State.DONE;
    return new HandshakeStep.Failed(failure);
  }

  /** A decrypted handshake packet: its bytes as received, its plaintext, and its form. */
  private record Packet(Bytes wire, Bytes plain, boolean eip8) {}

  private sealed interface PacketRead {
    record Incomplete() implements PacketRead {}

    record Refused(HandshakeFailure failure) implements PacketRead {}

    record Read(Packet packet) implements PacketRead {}
  }

  /**
   * A pre-EIP-8 packet starts with the 0x04 of its ECIES point and has a fixed size; EIP-8's
   * pseudocode tells them apart by trying that first and falling back to the size prefix.
   */
  private PacketRead readPacket(Bytes received, int plainPacketSize) {
    if (received.size() < 2) {
      return new PacketRead.Incomplete();
    }
    if (received.get(0) == 4) {
      if (received.size() < plainPacketSize) {
        return new PacketRead.Incomplete();
      }
      Bytes wire = received.slice(0, plainPacketSize);
      Optional<Bytes> plain = Ecies.decrypt(nodeKey.privateKey(), wire, Bytes.EMPTY);
      if (plain.isPresent()) {
        return new PacketRead.Read(new Packet(wire.copy(), plain.get(), false));
      }
    }
    int size = ((received.get(0) & 0xFF) << 8) | (received.get(1) & 0xFF);
    if (size + 2 > MAX_PACKET_SIZE) {
      return new PacketRead.Refused(HandshakeFailure.OVERSIZED_PACKET);
    }
    if (received.size() < size + 2) {
      return new PacketRead.Incomplete();
    }
    Bytes prefix = received.slice(0, 2);
    Optional<Bytes> plain = Ecies.decrypt(nodeKey.privateKey(), received.slice(2, size), prefix);
    if (plain.isEmpty()) {
      return new PacketRead.Refused(HandshakeFailure.UNDECRYPTABLE);
    }
    return new PacketRead.Read(new Packet(received.slice(0, size + 2).copy(), plain.get(), true));
  }

  /** {@code size || ecies(body || random padding)}, the size also being the MAC's shared data. */
  private Bytes eip8Packet(Bytes body, PublicKey recipient) {
    byte[] padding = new byte[MIN_PADDING + random.nextInt(PADDING_SPREAD)];
    random.nextBytes(padding);
    Bytes plain = Bytes.concatenate(body, Bytes.wrap(padding));
    int size = plain.size() + Ecies.OVERHEAD;
    Bytes prefix = Bytes.of((byte) (size >>> 8), (byte) size);
    return Bytes.concatenate(prefix, Ecies.encrypt(recipient, plain, prefix, random));
  }

  private Optional<PublicKey> recoverSigner(Bytes32 signed, Bytes signature) {
    int recId = signature.get(64) & 0xFF;
    if (recId > 1) {
      return Optional.empty();
    }
    BigInteger r = signature.slice(0, 32).toUnsignedBigInteger();
    BigInteger s = signature.slice(32, 32).toUnsignedBigInteger();
    return secp256k1.recoverPublicKey(signed, r, s, recId).map(PublicKey::new);
  }
}

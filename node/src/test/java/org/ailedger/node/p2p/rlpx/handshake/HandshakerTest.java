package org.ailedger.node.p2p.rlpx.handshake;

import static org.ailedger.node.p2p.rlpx.handshake.Eip8Vectors.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.ailedger.node.crypto.BouncyCastleSecp256k1;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.crypto.PrivateKey;
import org.ailedger.node.crypto.PublicKey;
import org.ailedger.node.crypto.Secp256k1;
import org.ailedger.types.Keccak;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class HandshakerTest {
  private static final Secp256k1 SECP = new BouncyCastleSecp256k1();
  private static final KeyPair A = key(STATIC_KEY_A);
  private static final KeyPair B = key(STATIC_KEY_B);
  private static final Ephemeral EPHEMERAL_A =
      new Ephemeral(key(EPHEMERAL_KEY_A), Bytes32.fromHexString(NONCE_A));
  private static final Ephemeral EPHEMERAL_B =
      new Ephemeral(key(EPHEMERAL_KEY_B), Bytes32.fromHexString(NONCE_B));

  private final SecureRandom random = new SecureRandom();

  @Test
  void preEip8AuthVectorDecryptsToInitiatorKeyNonceAndEphemeralSignature() {
    Bytes plain = Ecies.decrypt(B.privateKey(), AUTH_1, Bytes.EMPTY).orElseThrow();
    AuthMessage auth = AuthMessage.decodePlain(plain);

    assertAuthIsFromA(auth);
    assertThat(AuthMessage.plainEphemeralKeyHash(plain))
        .isEqualTo(Keccak.hash(EPHEMERAL_A.keyPair().publicKey().bytes()));
  }

  @Test
  void eip8AuthVectorsDecryptWithTheSizePrefixAsMacData() {
    AuthMessage auth2 = AuthMessage.decode(eip8Body(AUTH_2, B));
    AuthMessage auth3 = AuthMessage.decode(eip8Body(AUTH_3, B));

    assertAuthIsFromA(auth2);
    assertThat(auth2.version()).isEqualTo(4);
    assertAuthIsFromA(auth3);
    assertThat(auth3.version()).isEqualTo(56);
  }

  @Test
  void ackVectorsDecryptToRecipientEphemeralKeyAndNonce() {
    AckMessage ack1 =
        AckMessage.decodePlain(Ecies.decrypt(A.privateKey(), ACK_1, Bytes.EMPTY).orElseThrow());
    AckMessage ack2 = AckMessage.decode(eip8Body(ACK_2, A));
    AckMessage ack3 = AckMessage.decode(eip8Body(ACK_3, A));

    for (AckMessage ack : new AckMessage[] {ack1, ack2, ack3}) {
      assertThat(ack.ephemeralKey()).isEqualTo(EPHEMERAL_B.keyPair().publicKey());
      assertThat(ack.nonce()).isEqualTo(EPHEMERAL_B.nonce());
    }
    assertThat(ack2.version()).isEqualTo(4);
    assertThat(ack3.version()).isEqualTo(57);
  }

  @Test
  void recipientDerivesThePublishedSecretsAndIngressMacFromAuth2() {
    Handshaker recipient = Handshaker.recipient(B, EPHEMERAL_B, SECP, random);

    HandshakeStep.Completed done = (HandshakeStep.Completed) recipient.receive(AUTH_2);

    HandshakeSecrets secrets = done.secrets();
    assertThat(secrets.remoteNodeId()).isEqualTo(A.publicKey());
    assertThat(secrets.aesSecret()).isEqualTo(Bytes32.fromHexString(AES_SECRET));
    assertThat(secrets.macSecret()).isEqualTo(Bytes32.fromHexString(MAC_SECRET));
    Bytes foo = Bytes.wrap("foo".getBytes(StandardCharsets.US_ASCII));
    assertThat(Keccak.hash(Bytes.concatenate(secrets.ingressMacSeed(), foo)))
        .isEqualTo(Bytes32.fromHexString(INGRESS_MAC_FOO));
    assertThat(done.consumed()).isEqualTo(AUTH_2.size());
  }

  @Test
  void recipientAnswersEachAuthVectorInTheFormItCameIn() {
    HandshakeStep.Completed plain =
        (HandshakeStep.Completed)
            Handshaker.recipient(B, EPHEMERAL_B, SECP, random).receive(AUTH_1);
    HandshakeStep.Completed eip8 =
        (HandshakeStep.Completed)
            Handshaker.recipient(B, EPHEMERAL_B, SECP, random).receive(AUTH_3);

    assertThat(plain.reply().size()).isEqualTo(Handshaker.PLAIN_ACK_PACKET);
    assertThat(
            AckMessage.decodePlain(
                    Ecies.decrypt(A.privateKey(), plain.reply(), Bytes.EMPTY).orElseThrow())
                .nonce())
        .isEqualTo(EPHEMERAL_B.nonce());
    assertThat(eip8.reply().slice(0, 2).toInt()).isEqualTo(eip8.reply().size() - 2);
    assertThat(AckMessage.decode(eip8Body(eip8.reply(), A)).nonce()).isEqualTo(EPHEMERAL_B.nonce());
    assertThat(plain.secrets().aesSecret()).isEqualTo(Bytes32.fromHexString(AES_SECRET));
    assertThat(eip8.secrets().aesSecret()).isEqualTo(Bytes32.fromHexString(AES_SECRET));
  }

  @Test
  void initiatorDerivesThePublishedSecretsFromEveryAckVector() {
    for (Bytes ack : new Bytes[] {ACK_1, ACK_2, ACK_3}) {
      Handshaker initiator = Handshaker.initiator(A, B.publicKey(), EPHEMERAL_A, SECP, random);
      initiator.authPacket();

      HandshakeStep.Completed done = (HandshakeStep.Completed) initiator.receive(ack);

      assertThat(done.reply()).isEqualTo(Bytes.EMPTY);
      assertThat(done.consumed()).isEqualTo(ack.size());
      assertThat(done.secrets().remoteNodeId()).isEqualTo(B.publicKey());
      assertThat(done.secrets().aesSecret()).isEqualTo(Bytes32.fromHexString(AES_SECRET));
      assertThat(done.secrets().macSecret()).isEqualTo(Bytes32.fromHexString(MAC_SECRET));
    }
  }

  @Test
  void ourInitiatorAndRecipientAgreeWithMirroredMacStates() {
    KeyPair us = Ecdh.randomKeyPair(random);
    KeyPair them = Ecdh.randomKeyPair(random);
    Handshaker initiator =
        Handshaker.initiator(us, them.publicKey(), Ephemeral.random(random), SECP, random);
    Handshaker recipient = Handshaker.recipient(them, Ephemeral.random(random), SECP, random);

    Bytes auth = initiator.authPacket();
    HandshakeStep.Completed answered = (HandshakeStep.Completed) recipient.receive(auth);
    HandshakeStep.Completed finished =
        (HandshakeStep.Completed) initiator.receive(answered.reply());

    assertThat(auth.get(0)).isNotEqualTo((byte) 4);
    assertThat(answered.secrets().remoteNodeId()).isEqualTo(us.publicKey());
    assertThat(finished.secrets().remoteNodeId()).isEqualTo(them.publicKey());
    assertThat(finished.secrets().aesSecret()).isEqualTo(answered.secrets().aesSecret());
    assertThat(finished.secrets().egressMacSeed()).isEqualTo(answered.secrets().ingressMacSeed());
    assertThat(finished.secrets().ingressMacSeed()).isEqualTo(answered.secrets().egressMacSeed());
  }

  @Test
  void partialPacketAsksForMoreBytes() {
    Handshaker recipient = Handshaker.recipient(B, EPHEMERAL_B, SECP, random);

    assertThat(recipient.receive(AUTH_2.slice(0, 1)))
        .isInstanceOf(HandshakeStep.NeedMoreBytes.class);
    assertThat(recipient.receive(AUTH_2.slice(0, 200)))
        .isInstanceOf(HandshakeStep.NeedMoreBytes.class);
    assertThat(recipient.receive(AUTH_2)).isInstanceOf(HandshakeStep.Completed.class);
  }

  @Test
  void tamperedAuthIsUndecryptable() {
    Bytes tampered = flip(AUTH_2, 100);

    HandshakeStep step = Handshaker.recipient(B, EPHEMERAL_B, SECP, random).receive(tampered);

    assertThat(step).isEqualTo(new HandshakeStep.Failed(HandshakeFailure.UNDECRYPTABLE));
  }

  @Test
  void authForAnotherNodeIsUndecryptable() {
    HandshakeStep step = Handshaker.recipient(A, EPHEMERAL_B, SECP, random).receive(AUTH_2);

    assertThat(step).isEqualTo(new HandshakeStep.Failed(HandshakeFailure.UNDECRYPTABLE));
  }

  @Test
  void sizePrefixBeyondTheBoundIsRefusedBeforeBuffering() {
    Bytes huge = Bytes.of((byte) 0xFF, (byte) 0xFF, (byte) 1);

    HandshakeStep step = Handshaker.recipient(B, EPHEMERAL_B, SECP, random).receive(huge);

    assertThat(step).isEqualTo(new HandshakeStep.Failed(HandshakeFailure.OVERSIZED_PACKET));
  }

  private static void assertAuthIsFromA(AuthMessage auth) {
    assertThat(auth.initiatorKey()).isEqualTo(A.publicKey());
    assertThat(auth.nonce()).isEqualTo(EPHEMERAL_A.nonce());
    Bytes32 staticShared = Ecdh.agree(B.privateKey(), A.publicKey()).orElseThrow();
    Bytes sig = auth.signature();
    PublicKey signer =
        new PublicKey(
            SECP.recoverPublicKey(
                    staticShared.xor(auth.nonce()),
                    new BigInteger(1, sig.slice(0, 32).toArrayUnsafe()),
                    new BigInteger(1, sig.slice(32, 32).toArrayUnsafe()),
                    sig.get(64))
                .orElseThrow());
    assertThat(signer).isEqualTo(EPHEMERAL_A.keyPair().publicKey());
  }

  private static Bytes eip8Body(Bytes packet, KeyPair recipient) {
    return Ecies.decrypt(recipient.privateKey(), packet.slice(2), packet.slice(0, 2)).orElseThrow();
  }

  private static Bytes flip(Bytes bytes, int index) {
    byte[] copy = bytes.toArray();
    copy[index] ^= 1;
    return Bytes.wrap(copy);
  }

  private static KeyPair key(String hex) {
    return KeyPair.of(PrivateKey.fromHex(hex));
  }
}

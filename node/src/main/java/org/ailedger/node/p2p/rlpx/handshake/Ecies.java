package org.ailedger.node.p2p.rlpx.handshake;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.crypto.PrivateKey;
import org.ailedger.node.crypto.PublicKey;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The ECIES of the RLPx handshake: ECDH with a one-time key, the NIST SP 800-56 concatenation KDF
 * over SHA-256, AES-128-CTR, and HMAC-SHA-256 over {@code iv || ciphertext || sharedMacData}. The
 * output is {@code 0x04 || R || iv || ciphertext || tag}.
 */
final class Ecies {
  private static final int POINT_SIZE = 65;
  private static final int IV_SIZE = 16;
  private static final int TAG_SIZE = 32;

  /** Bytes an encryption adds to its plaintext. */
  static final int OVERHEAD = POINT_SIZE + IV_SIZE + TAG_SIZE;

  private Ecies() {}

  static Bytes encrypt(
      PublicKey recipient, Bytes plaintext, Bytes sharedMacData, SecureRandom random) {
    KeyPair oneTime = Ecdh.randomKeyPair(random);
    Bytes32 shared =
        Ecdh.agree(oneTime.privateKey(), recipient)
            .orElseThrow(() -> new IllegalArgumentException("recipient key is not on the curve"));
    Keys keys = Keys.derive(shared);
    byte[] iv = new byte[IV_SIZE];
    random.nextBytes(iv);
    Bytes ciphertext = aesCtr(keys.encryption(), Bytes.wrap(iv), plaintext);
    Bytes tag = hmac(keys.mac(), Bytes.wrap(iv), ciphertext, sharedMacData);
    return Bytes.concatenate(
        Bytes.of(4), oneTime.publicKey().bytes(), Bytes.wrap(iv), ciphertext, tag);
  }

  /** The plaintext, or empty when the message was not made for {@code key} or was altered. */
  static Optional<Bytes> decrypt(PrivateKey key, Bytes message, Bytes sharedMacData) {
    if (message.size() < OVERHEAD || message.get(0) != 4) {
      return Optional.empty();
    }
    PublicKey oneTime = new PublicKey(message.slice(1, POINT_SIZE - 1));
    Optional<Bytes32> shared = Ecdh.agree(key, oneTime);
    if (shared.isEmpty()) {
      return Optional.empty();
    }
    Keys keys = Keys.derive(shared.get());
    Bytes iv = message.slice(POINT_SIZE, IV_SIZE);
    int bodySize = message.size() - OVERHEAD;
    Bytes ciphertext = message.slice(POINT_SIZE + IV_SIZE, bodySize);
    Bytes tag = message.slice(message.size() - TAG_SIZE);
    Bytes expected = hmac(keys.mac(), iv, ciphertext, sharedMacData);
    if (!MessageDigest.isEqual(expected.toArrayUnsafe(), tag.toArrayUnsafe())) {
      return Optional.empty();
    }
    return Optional.of(aesCtr(keys.encryption(), iv, ciphertext));
  }

  /** kE (16 bytes) and the HMAC key sha256(kM) from KDF(S, 32). */
  private record Keys(Bytes encryption, Bytes mac) {
    static Keys derive(Bytes32 sharedSecret) {
      Bytes material = concatKdf(sharedSecret);
      return new Keys(material.slice(0, 16), sha256(material.slice(16, 16)));
    }
  }

  /**
   * NIST SP 800-56 concatenation KDF with SHA-256 and no other info; RLPx needs 32 bytes, which is
   * exactly the first block, counter 1.
   */
  static Bytes concatKdf(Bytes32 sharedSecret) {
    MessageDigest digest = sha256Digest();
    digest.update(new byte[] {0, 0, 0, 1});
    digest.update(sharedSecret.toArrayUnsafe());
    return Bytes.wrap(digest.digest());
  }

  private static Bytes aesCtr(Bytes key, Bytes iv, Bytes input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(key.toArrayUnsafe(), "AES"),
          new IvParameterSpec(iv.toArrayUnsafe()));
      return Bytes.wrap(cipher.doFinal(input.toArrayUnsafe()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-CTR is unavailable", e);
    }
  }

  private static Bytes hmac(Bytes key, Bytes iv, Bytes ciphertext, Bytes sharedMacData) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.toArrayUnsafe(), "HmacSHA256"));
      mac.update(iv.toArrayUnsafe());
      mac.update(ciphertext.toArrayUnsafe());
      mac.update(sharedMacData.toArrayUnsafe());
      return Bytes.wrap(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
    }
  }

  private static Bytes sha256(Bytes input) {
    return Bytes.wrap(sha256Digest().digest(input.toArrayUnsafe()));
  }

  private static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }
}

package org.ailedger.node.crypto;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A secp256k1 private key: 32 bytes whose value is in [1, n). Its {@link #toString()} never shows
 * the key, so it can sit in records that get logged.
 */
public record PrivateKey(Bytes32 bytes) {
  public PrivateKey {
    if (bytes == null) {
      throw new IllegalArgumentException("private key bytes are required");
    }
    BigInteger value = bytes.toUnsignedBigInteger();
    if (value.signum() == 0 || value.compareTo(Secp256k1.CURVE_ORDER) >= 0) {
      throw new IllegalArgumentException("a private key must be in [1, n) of secp256k1");
    }
    bytes = bytes.copy();
  }

  /** The key with the given scalar value, which must be in [1, n). */
  public static PrivateKey of(BigInteger value) {
    if (value.signum() <= 0 || value.compareTo(Secp256k1.CURVE_ORDER) >= 0) {
      throw new IllegalArgumentException("a private key must be in [1, n) of secp256k1");
    }
    return new PrivateKey(Bytes32.leftPad(Bytes.wrap(value.toByteArray()).trimLeadingZeros()));
  }

  /** Parses 64 hex digits, with or without {@code 0x}. */
  public static PrivateKey fromHex(String hex) {
    Bytes raw;
    try {
      raw = Bytes.fromHexString(hex);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a private key is 64 hex digits");
    }
    if (raw.size() != Bytes32.SIZE) {
      throw new IllegalArgumentException("a private key has 32 bytes, got " + raw.size());
    }
    return new PrivateKey(Bytes32.wrap(raw));
  }

  public BigInteger value() {
    return bytes.toUnsignedBigInteger();
  }

  @Override
  public String toString() {
    return "PrivateKey{redacted}";
  }
}

package org.ailedger.types;

import java.util.Locale;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** A 20-byte account address. */
public record Address(Bytes bytes) implements Comparable<Address> {
  public static final int SIZE = 20;
  public static final Address ZERO = new Address(Bytes.wrap(new byte[SIZE]));

  public Address {
    if (bytes == null || bytes.size() != SIZE) {
      throw new IllegalArgumentException(
          "an address has 20 bytes, got " + (bytes == null ? "null" : bytes.size()));
    }
    bytes = bytes.copy();
  }

  /** Parses {@code 0x}-prefixed or bare hex of exactly 40 digits, any case. */
  public static Address fromHex(String hex) {
    String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    if (digits.length() != SIZE * 2) {
      throw new IllegalArgumentException("an address has 40 hex digits: " + hex);
    }
    return new Address(Bytes.fromHexString(digits));
  }

  /** The fixed low addresses of the native contracts, e.g. {@code of(0x1000)}. */
  public static Address of(long value) {
    return new Address(
        Bytes.concatenate(Bytes.wrap(new byte[SIZE - 8]), Bytes.ofUnsignedLong(value)));
  }

  /** The address in the low 20 bytes of an ABI word. */
  public static Address fromWord(Bytes32 word) {
    return new Address(word.slice(12, SIZE));
  }

  public Bytes32 toWord() {
    return Bytes32.leftPad(bytes);
  }

  /** Lower-case {@code 0x…} hex, the form JSON-RPC and the indexer print. */
  public String toHexString() {
    return bytes.toHexString().toLowerCase(Locale.ROOT);
  }

  /** EIP-55 mixed-case checksum form, as wallets display addresses. */
  public String toChecksumHex() {
    return org.web3j.crypto.Keys.toChecksumAddress(toHexString());
  }

  @Override
  public int compareTo(Address other) {
    return bytes.compareTo(other.bytes);
  }

  @Override
  public String toString() {
    return toHexString();
  }
}

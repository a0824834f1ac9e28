package org.ailedger.evm.state;

import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;

/** A 20-byte account address. */
public record Address(Bytes bytes) {
  public static final int SIZE = 20;

  public Address {
    if (bytes == null || bytes.size() != SIZE) {
      throw new IllegalArgumentException("an address has 20 bytes");
    }
  }

  public static Address fromHexString(String hex) {
    return new Address(Bytes.fromHexString(hex).copy());
  }

  /** The low 20 bytes of a stack word, as CALL and BALANCE read their operand. */
  public static Address fromWord(UInt256 word) {
    return new Address(word.toBytes().slice(12, SIZE).copy());
  }

  public UInt256 toWord() {
    return UInt256.fromBytes(bytes);
  }

  @Override
  public String toString() {
    return bytes.toHexString();
  }
}

package org.ailedger.indexer.event;

import org.apache.tuweni.bytes.Bytes;

/** A 20-byte Ethereum address: an account, a node key's address or a contract. */
public record EthAddress(Bytes bytes) {
  public static final int SIZE = 20;

  public EthAddress {
    if (bytes == null || bytes.size() != SIZE) {
      throw new IllegalArgumentException("an address has 20 bytes: " + bytes);
    }
    bytes = bytes.copy();
  }

  /** Parses {@code 0x}-prefixed hex of exactly 20 bytes, any letter case. */
  public static EthAddress fromHex(String hex) {
    return new EthAddress(Bytes.fromHexString(hex));
  }

  /** Lower-case {@code 0x…} hex, the form the store and the API use. */
  public String hex() {
    return bytes.toHexString();
  }

  @Override
  public String toString() {
    return hex();
  }
}

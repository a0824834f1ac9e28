package org.ailedger.node.crypto;

import org.ailedger.types.Address;
import org.ailedger.types.Keccak;
import org.apache.tuweni.bytes.Bytes;

/** An uncompressed secp256k1 public key: 64 bytes x||y, without the SEC1 0x04 prefix. */
public record PublicKey(Bytes bytes) {
  public static final int SIZE = 64;

  public PublicKey {
    if (bytes == null || bytes.size() != SIZE) {
      throw new IllegalArgumentException(
          "a public key has 64 bytes, got " + (bytes == null ? "null" : bytes.size()));
    }
    bytes = bytes.copy();
  }

  /** The Ethereum address: the last 20 bytes of keccak256 of the 64 key bytes. */
  public Address address() {
    byte[] hash = Keccak.hash(bytes.toArrayUnsafe());
    return new Address(Bytes.wrap(hash, hash.length - Address.SIZE, Address.SIZE));
  }

  @Override
  public String toString() {
    return bytes.toHexString();
  }
}

package org.ailedger.types;

import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * Keccak-256, Ethereum's hash, on BouncyCastle's plain digest. The JCA-style digest behind web3j's
 * {@code Hash.sha3} builds its algorithm name as a new string on every call; tries, storage slots
 * and blooms hash millions of times per second, where that showed up in profiles.
 */
public final class Keccak {
  private Keccak() {}

  public static Bytes32 hash(Bytes input) {
    return Bytes32.wrap(hash(input.toArrayUnsafe()));
  }

  public static byte[] hash(byte[] input) {
    KeccakDigest digest = new KeccakDigest(256);
    digest.update(input, 0, input.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }
}

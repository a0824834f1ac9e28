package org.ailedger.evm.hash;

import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.bouncycastle.crypto.digests.KeccakDigest;

/** keccak256 as Ethereum uses it (the original Keccak padding, not SHA3-256). */
public final class Keccak256 {
  /** keccak256 of the empty string: the code hash of every account without code. */
  public static final Bytes32 EMPTY =
      Bytes32.fromHexString("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");

  private Keccak256() {}

  public static Bytes32 hash(Bytes input) {
    KeccakDigest digest = new KeccakDigest(256);
    byte[] in = input.toArrayUnsafe();
    digest.update(in, 0, in.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return Bytes32.wrap(out);
  }
}

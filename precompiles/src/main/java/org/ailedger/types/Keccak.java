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
  // A digest resets itself in doFinal; reusing one per thread saves building its state each call,
  // a tenth of the hashing time of a block.
  private static final ThreadLocal<KeccakDigest> DIGEST =
      ThreadLocal.withInitial(() -> new KeccakDigest(256));

  private Keccak() {}

  public static Bytes32 hash(Bytes input) {
    return Bytes32.wrap(hash(input.toArrayUnsafe()));
  }

  /** The hash of {@code first} followed by {@code second}, without concatenating them first. */
  public static Bytes32 hash(Bytes first, Bytes second) {
    KeccakDigest digest = DIGEST.get();
    update(digest, first);
    update(digest, second);
    return Bytes32.wrap(finish(digest));
  }

  public static byte[] hash(byte[] input) {
    KeccakDigest digest = DIGEST.get();
    digest.update(input, 0, input.length);
    return finish(digest);
  }

  private static void update(KeccakDigest digest, Bytes part) {
    byte[] bytes = part.toArrayUnsafe();
    digest.update(bytes, 0, bytes.length);
  }

  private static byte[] finish(KeccakDigest digest) {
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }
}

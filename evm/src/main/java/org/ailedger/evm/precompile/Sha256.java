package org.ailedger.evm.precompile;

import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.bouncycastle.crypto.digests.SHA256Digest;

/** 0x02: the SHA-256 digest of the input; 60 gas plus 12 a word. */
public final class Sha256 implements PrecompiledContract {
  private static final WordPricing PRICE = new WordPricing(60, 12);

  @Override
  public long gasRequirement(Bytes input) {
    return PRICE.cost(input);
  }

  @Override
  public Optional<Bytes> compute(Bytes input) {
    return Optional.of(digest(input));
  }

  static Bytes digest(Bytes input) {
    SHA256Digest sha = new SHA256Digest();
    byte[] data = input.toArrayUnsafe();
    sha.update(data, 0, data.length);
    byte[] out = new byte[32];
    sha.doFinal(out, 0);
    return Bytes.wrap(out);
  }
}

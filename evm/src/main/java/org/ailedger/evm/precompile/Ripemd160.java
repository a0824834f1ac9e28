package org.ailedger.evm.precompile;

import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;

/** 0x03: the RIPEMD-160 digest of the input, left-padded to 32 bytes; 600 gas plus 120 a word. */
public final class Ripemd160 implements PrecompiledContract {
  private static final WordPricing PRICE = new WordPricing(600, 120);

  @Override
  public long gasRequirement(Bytes input) {
    return PRICE.cost(input);
  }

  @Override
  public Optional<Bytes> compute(Bytes input) {
    RIPEMD160Digest ripemd = new RIPEMD160Digest();
    byte[] data = input.toArrayUnsafe();
    ripemd.update(data, 0, data.length);
    byte[] out = new byte[32];
    ripemd.doFinal(out, 12);
    return Optional.of(Bytes.wrap(out));
  }
}

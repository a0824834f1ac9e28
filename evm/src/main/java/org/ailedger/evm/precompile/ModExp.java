package org.ailedger.evm.precompile;

import java.math.BigInteger;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.MutableBytes;

/**
 * 0x05: base^exponent mod modulus over big-endian numbers of any length (EIP-198), priced by
 * EIP-2565. The input starts with three 32-byte lengths; the numbers follow, read as if the input
 * went on with zeros.
 */
public final class ModExp implements PrecompiledContract {
  private static final long MIN_GAS = 200;
  private static final int HEADER = 96;

  /**
   * Lengths past this make any call unaffordable (the gas formula grows with their square), so they
   * are never materialised.
   */
  private static final BigInteger MAX_LENGTH = BigInteger.valueOf(Integer.MAX_VALUE - 8);

  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  /** Moduli up to this many bits take the long-arithmetic path. */
  private static final int WORD_BITS = 64;

  @Override
  public long gasRequirement(Bytes input) {
    BigInteger baseLength = length(input, 0);
    BigInteger exponentLength = length(input, 32);
    BigInteger modulusLength = length(input, 64);

    BigInteger words = baseLength.max(modulusLength).add(BigInteger.valueOf(7)).shiftRight(3);
    BigInteger complexity = words.multiply(words);
    BigInteger gas =
        complexity
            .multiply(iterations(input, baseLength, exponentLength))
            .divide(BigInteger.valueOf(3));
    return gas.compareTo(LONG_MAX) >= 0 ? Long.MAX_VALUE : Math.max(MIN_GAS, gas.longValueExact());
  }

  /**
   * EIP-2565's iteration count: the exponent's bit length minus one for exponents up to 32 bytes;
   * beyond, 8 per extra byte plus that of its first 32 bytes; at least 1.
   */
  private static BigInteger iterations(
      Bytes input, BigInteger baseLength, BigInteger exponentLength) {
    int headLength = exponentLength.min(BigInteger.valueOf(32)).intValueExact();
    BigInteger head = BigInteger.ZERO;
    BigInteger headOffset = baseLength.add(BigInteger.valueOf(HEADER));
    if (headLength > 0 && headOffset.compareTo(BigInteger.valueOf(input.size())) < 0) {
      head =
          PaddedInput.slice(input, headOffset.longValueExact(), headLength).toUnsignedBigInteger();
    }
    BigInteger count =
        BigInteger.valueOf(Math.max(0, head.bitLength() - 1))
            .add(exponentLength.subtract(BigInteger.valueOf(headLength)).shiftLeft(3));
    return count.max(BigInteger.ONE);
  }

  @Override
  public Optional<Bytes> compute(Bytes input) {
    BigInteger baseLength = length(input, 0);
    BigInteger exponentLength = length(input, 32);
    BigInteger modulusLength = length(input, 64);
    if (modulusLength.signum() == 0) {
      return Optional.of(Bytes.EMPTY); // nothing to compute, whatever the other lengths say
    }
    if (baseLength.compareTo(MAX_LENGTH) > 0
        || exponentLength.compareTo(MAX_LENGTH) > 0
        || modulusLength.compareTo(MAX_LENGTH) > 0) {
      return Optional.empty(); // unaffordable: gasRequirement already priced it out
    }
    int baseSize = baseLength.intValueExact();
    int exponentSize = exponentLength.intValueExact();
    int modulusSize = modulusLength.intValueExact();
    long offset = HEADER;
    BigInteger base = PaddedInput.slice(input, offset, baseSize).toUnsignedBigInteger();
    offset += baseSize;
    Bytes exponentBytes = PaddedInput.slice(input, offset, exponentSize);
    offset += exponentSize;
    BigInteger modulus = PaddedInput.slice(input, offset, modulusSize).toUnsignedBigInteger();

    MutableBytes out = MutableBytes.create(modulusSize);
    if (modulus.signum() == 0) {
      return Optional.of(out); // x mod 0 is defined as 0
    }
    byte[] result =
        modulus.bitLength() <= WORD_BITS
            ? Bytes.ofUnsignedLong(
                    WordModPow.modPow(
                        base.mod(modulus).longValue(), exponentBytes, modulus.longValue()))
                .toArrayUnsafe()
            : base.modPow(exponentBytes.toUnsignedBigInteger(), modulus).toByteArray();
    // the value is below the modulus, so leading (sign or padding) bytes beyond its size are zero
    int length = Math.min(result.length, modulusSize);
    Bytes.wrap(result, result.length - length, length).copyTo(out, modulusSize - length);
    return Optional.of(out);
  }

  private static BigInteger length(Bytes input, int offset) {
    return PaddedInput.slice(input, offset, 32).toUnsignedBigInteger();
  }
}

package org.ailedger.evm.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class ModExpTest {
  private static final String P_SECP256K1 =
      "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f";
  private static final String P_MINUS_2 =
      "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e";

  private final ModExp modexp = new ModExp();

  private static String word(long value) {
    return String.format("%064x", value);
  }

  @Test
  void eip198FirstExampleIsFermatsLittleTheorem() {
    // EIP-198 example 1: 3^(p−2) mod p with p the secp256k1 prime; EIP-2565 prices it at 1360
    Bytes input =
        Bytes.fromHexString(word(1) + word(32) + word(32) + "03" + P_MINUS_2 + P_SECP256K1);
    assertThat(modexp.compute(input)).contains(Bytes.fromHexString(word(1)));
    assertThat(modexp.gasRequirement(input)).isEqualTo(1360);
  }

  @Test
  void eip198SecondExampleHasAnEmptyBase() {
    // EIP-198 example 2: base length 0 reads as 0, so 0^(p−2) mod p = 0
    Bytes input = Bytes.fromHexString(word(0) + word(32) + word(32) + P_MINUS_2 + P_SECP256K1);
    assertThat(modexp.compute(input)).contains(Bytes.wrap(new byte[32]));
    assertThat(modexp.gasRequirement(input)).isEqualTo(1360);
  }

  @Test
  void pricesLargeOperandsPerEip2565() {
    // go-ethereum core/vm/testdata/precompiles/modexp_eip2565.json, "nagydani-1-pow0x10001":
    // 64-byte base and modulus, exponent 65537 → 64 words² · 16 iterations / 3 = 341
    Bytes input =
        Bytes.fromHexString(
            word(64)
                + word(3)
                + word(64)
                + "e09ad9675465c53a109fac66a445c91b292d2bb2c5268addb30cd82f80fcb003"
                + "3ff97c80a5fc6f39193ae969c6ede6710a6b7ac27078a06d90ef1c72e5c85fb5"
                + "010001"
                + "fc9e1f6beb81516545975218075ec2af118cd8798df6e08a147c60fd6095ac2b"
                + "b02c2908cf4dd7c81f11c289e4bce98f3553768f392a80ce22bf5c4f4a248c6b");
    assertThat(modexp.gasRequirement(input)).isEqualTo(341);
    assertThat(modexp.compute(input))
        .contains(
            Bytes.fromHexString(
                "c36d804180c35d4426b57b50c5bfcca5c01856d104564cd513b461d3c8b84091"
                    + "28a5573e416d0ebe38f5f736766d9dc27143e4da981dfa4d67f7dc474cbee6d2"));
  }

  @Test
  void chargesAtLeast200() {
    Bytes input = Bytes.fromHexString(word(1) + word(1) + word(1) + "020305");
    assertThat(modexp.gasRequirement(input)).isEqualTo(200);
    assertThat(modexp.compute(input)).contains(Bytes.of(3)); // 2³ mod 5
  }

  @Test
  void zeroModulusGivesZerosOfTheModulusLength() {
    Bytes input = Bytes.fromHexString(word(1) + word(1) + word(4) + "0203" + "00000000");
    assertThat(modexp.compute(input)).contains(Bytes.wrap(new byte[4]));
  }

  @Test
  void zeroBaseAndModulusLengthsCostTheMinimumWhateverTheExponentLength() {
    // the complexity factor is zero, so even a 2²⁵⁶ − 1 byte exponent costs only 200 gas,
    // and nothing is computed or read
    Bytes input = Bytes.fromHexString(word(0) + "ff".repeat(32) + word(0));
    assertThat(modexp.gasRequirement(input)).isEqualTo(200);
    assertThat(modexp.compute(input)).contains(Bytes.EMPTY);
  }

  @Test
  void hugeLengthsAreUnaffordableAndNeverAllocated() {
    Bytes hugeBase = Bytes.fromHexString("ff".repeat(32) + word(1) + word(1));
    assertThat(modexp.gasRequirement(hugeBase)).isEqualTo(Long.MAX_VALUE);
    assertThat(modexp.compute(hugeBase)).isEmpty();

    Bytes hugeModulus = Bytes.fromHexString(word(1) + word(1) + word(1L << 40));
    assertThat(modexp.gasRequirement(hugeModulus)).isEqualTo(Long.MAX_VALUE);
    assertThat(modexp.compute(hugeModulus)).isEmpty();

    // a long exponent is priced by its length even where the input has no bytes for it
    Bytes longExponent = Bytes.fromHexString(word(1) + word(1L << 32) + word(1));
    assertThat(modexp.gasRequirement(longExponent)).isEqualTo((((1L << 32) - 32) * 8) / 3);
  }

  @Test
  void shortInputIsReadAsZeroPadded() {
    // the header says 1-byte operands but the modulus byte is missing: it reads as 0
    Bytes input = Bytes.fromHexString(word(1) + word(1) + word(1) + "0203");
    assertThat(modexp.compute(input)).contains(Bytes.of(0));
    assertThat(modexp.compute(Bytes.EMPTY)).contains(Bytes.EMPTY);
    assertThat(modexp.gasRequirement(Bytes.EMPTY)).isEqualTo(200);
  }

  @Test
  void oneWordModuliAgreeWithBigIntegerModPow() {
    // moduli up to 64 bits take a long-arithmetic path; compare it with BigInteger at its edges
    java.util.Random random = new java.util.Random(42);
    long[] moduli = {1, 2, 3, 0xfb, 0xffff_fffbL, 0x8000_0000L, 0x1_0000_000fL, Long.MAX_VALUE};
    for (long m : moduli) {
      for (int trial = 0; trial < 20; trial++) {
        byte[] base = new byte[1 + random.nextInt(40)];
        byte[] exponent = new byte[random.nextInt(40)];
        random.nextBytes(base);
        random.nextBytes(exponent);
        Bytes modulus =
            Bytes.wrap(java.math.BigInteger.valueOf(m).toByteArray()).trimLeadingZeros();
        Bytes input =
            Bytes.concatenate(
                Bytes.fromHexString(
                    word(base.length) + word(exponent.length) + word(modulus.size())),
                Bytes.wrap(base),
                Bytes.wrap(exponent),
                modulus);
        java.math.BigInteger expected =
            new java.math.BigInteger(1, base)
                .modPow(new java.math.BigInteger(1, exponent), java.math.BigInteger.valueOf(m));
        assertThat(modexp.compute(input).orElseThrow().toUnsignedBigInteger())
            .as("modulus %d", m)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void resultIsLeftPaddedToTheModulusLength() {
    // 2¹ mod p: a one-byte result in a 32-byte modulus
    Bytes input = Bytes.fromHexString(word(1) + word(1) + word(32) + "02" + "01" + P_SECP256K1);
    assertThat(modexp.compute(input)).contains(Bytes.fromHexString(word(2)));
  }
}

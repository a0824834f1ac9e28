package org.ailedger.evm.precompile.bn254;

import java.math.BigInteger;

/** Arithmetic in the base field of BN254, on canonical values in {@code [0, P)}. */
final class Fp {
  /** The field modulus p. */
  static final BigInteger P =
      new BigInteger(
          "21888242871839275222246405745257275088696311157297823662689037894645226208583");

  private Fp() {}

  static BigInteger add(BigInteger a, BigInteger b) {
    BigInteger sum = a.add(b);
    return sum.compareTo(P) >= 0 ? sum.subtract(P) : sum;
  }

  static BigInteger sub(BigInteger a, BigInteger b) {
    BigInteger difference = a.subtract(b);
    return difference.signum() < 0 ? difference.add(P) : difference;
  }

  static BigInteger neg(BigInteger a) {
    return a.signum() == 0 ? a : P.subtract(a);
  }

  static BigInteger mul(BigInteger a, BigInteger b) {
    return a.multiply(b).mod(P);
  }

  static BigInteger inv(BigInteger a) {
    return a.modInverse(P);
  }
}

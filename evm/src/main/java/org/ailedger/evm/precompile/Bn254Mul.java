package org.ailedger.evm.precompile;

import java.util.Optional;
import org.ailedger.evm.precompile.bn254.G1Point;
import org.apache.tuweni.bytes.Bytes;

/**
 * 0x07: a BN254 G1 point times a 256-bit scalar (EIP-196), 6000 gas since EIP-1108. The scalar is
 * not reduced first; G1 has prime order, so the result is the same.
 */
public final class Bn254Mul implements PrecompiledContract {
  private static final long GAS = 6000;

  @Override
  public long gasRequirement(Bytes input) {
    return GAS;
  }

  @Override
  public Optional<Bytes> compute(Bytes input) {
    return G1Point.decode(PaddedInput.slice(input, 0, 64))
        .map(
            point ->
                point.multiply(PaddedInput.slice(input, 64, 32).toUnsignedBigInteger()).encode());
  }
}

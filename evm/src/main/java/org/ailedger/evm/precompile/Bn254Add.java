package org.ailedger.evm.precompile;

import java.util.Optional;
import org.ailedger.evm.precompile.bn254.G1Point;
import org.apache.tuweni.bytes.Bytes;

/** 0x06: the sum of two BN254 G1 points (EIP-196), 150 gas since EIP-1108. */
public final class Bn254Add implements PrecompiledContract {
  private static final long GAS = 150;

  @Override
  public long gasRequirement(Bytes input) {
    return GAS;
  }

  @Override
  public Optional<Bytes> compute(Bytes input) {
    Optional<G1Point> a = G1Point.decode(PaddedInput.slice(input, 0, 64));
    Optional<G1Point> b = G1Point.decode(PaddedInput.slice(input, 64, 64));
    if (a.isEmpty() || b.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(a.get().add(b.get()).encode());
  }
}

package org.ailedger.evm.precompile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ailedger.evm.precompile.bn254.G1Point;
import org.ailedger.evm.precompile.bn254.G2Point;
import org.ailedger.evm.precompile.bn254.Pairing;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.MutableBytes;

/**
 * 0x08: whether the product of the BN254 pairings of k (G1, G2) pairs is 1 (EIP-197), as a 32-byte
 * word 1 or 0; 45000 + 34000·k gas since EIP-1108. The input must be whole 192-byte pairs, and
 * every point valid, G2 points in the order-r subgroup included.
 */
public final class Bn254Pairing implements PrecompiledContract {
  private static final long BASE_GAS = 45_000;
  private static final long PAIR_GAS = 34_000;
  private static final int PAIR_SIZE = 192;

  @Override
  public long gasRequirement(Bytes input) {
    return BASE_GAS + PAIR_GAS * (input.size() / PAIR_SIZE);
  }

  @Override
  public Optional<Bytes> compute(Bytes input) {
    if (input.size() % PAIR_SIZE != 0) {
      return Optional.empty();
    }
    List<Pairing.Pair> pairs = new ArrayList<>(input.size() / PAIR_SIZE);
    for (int offset = 0; offset < input.size(); offset += PAIR_SIZE) {
      Optional<G1Point> p = G1Point.decode(input.slice(offset, 64));
      if (p.isEmpty()) {
        return Optional.empty();
      }
      Optional<G2Point> q = G2Point.decode(input.slice(offset + 64, 128));
      if (q.isEmpty()) {
        return Optional.empty();
      }
      pairs.add(new Pairing.Pair(p.get(), q.get()));
    }
    MutableBytes out = MutableBytes.create(32);
    if (Pairing.isIdentity(pairs)) {
      out.set(31, (byte) 1);
    }
    return Optional.of(out);
  }
}

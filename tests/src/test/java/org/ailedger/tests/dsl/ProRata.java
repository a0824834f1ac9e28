package org.ailedger.tests.dsl;

import java.math.BigInteger;
import java.util.List;

/**
 * The reward split DESIGN §4 promises, computed here independently of the node: accepted
 * contributor i receives floor(pool · w_i / Σw); the remainder is never minted.
 */
public record ProRata(BigInteger pool, List<BigInteger> weights) {
  public ProRata {
    if (pool.signum() < 0) {
      throw new IllegalArgumentException("negative pool " + pool);
    }
    weights = List.copyOf(weights);
    if (weights.isEmpty() || weights.stream().anyMatch(w -> w.signum() <= 0)) {
      throw new IllegalArgumentException("weights must be positive: " + weights);
    }
  }

  /** The reward of each accepted contributor, in the order of {@link #weights()}. */
  public List<BigInteger> rewards() {
    BigInteger total = weights.stream().reduce(BigInteger.ZERO, BigInteger::add);
    return weights.stream().map(w -> pool.multiply(w).divide(total)).toList();
  }

  /** What finalization mints in total: the sum of the rewards, at most the pool. */
  public BigInteger minted() {
    return rewards().stream().reduce(BigInteger.ZERO, BigInteger::add);
  }
}

package org.ailedger.evm.precompile;

import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/** 0x04: returns its input; 15 gas plus 3 a word. */
public final class Identity implements PrecompiledContract {
  private static final WordPricing PRICE = new WordPricing(15, 3);

  @Override
  public long gasRequirement(Bytes input) {
    return PRICE.cost(input);
  }

  @Override
  public Optional<Bytes> compute(Bytes input) {
    // a copy: the caller may reuse the memory the input was sliced from
    return Optional.of(Bytes.wrap(input.toArray()));
  }
}

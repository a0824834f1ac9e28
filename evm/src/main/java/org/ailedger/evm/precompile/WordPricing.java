package org.ailedger.evm.precompile;

import org.apache.tuweni.bytes.Bytes;

/** Gas of a fixed base plus a price per started 32-byte word of input, as the hash precompiles. */
record WordPricing(long base, long perWord) {
  WordPricing {
    if (base < 0 || perWord < 0) {
      throw new IllegalArgumentException("negative price: " + base + " + " + perWord + "/word");
    }
  }

  long cost(Bytes input) {
    // an input is at most 2³¹ bytes, so words · perWord stays far below 2⁶³ for these prices
    long words = (input.size() + 31L) / 32;
    return base + words * perWord;
  }
}

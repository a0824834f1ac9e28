package org.ailedger.evm.precompile;

import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.MutableBytes;

/** Precompiles read their input as if followed by endless zero bytes. */
final class PaddedInput {
  private PaddedInput() {}

  /** The {@code length} bytes at {@code offset}, zeros where the input has none. */
  static Bytes slice(Bytes input, long offset, int length) {
    MutableBytes out = MutableBytes.create(length);
    if (offset < input.size()) {
      int available = (int) Math.min(length, input.size() - offset);
      input.slice((int) offset, available).copyTo(out, 0);
    }
    return out;
  }
}

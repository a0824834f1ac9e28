package org.ailedger.evm.frame;

import java.util.BitSet;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Code prepared for the interpreter: the valid JUMPDEST positions (a 0x5b inside PUSH data is not
 * one) and the value of every PUSH by its position, decoded once instead of on every execution.
 */
record AnalyzedCode(byte[] code, BitSet jumpDestinations, UInt256[] pushValues) {

  static AnalyzedCode of(Bytes code) {
    byte[] bytes = code.toArrayUnsafe();
    BitSet destinations = new BitSet(bytes.length);
    UInt256[] pushValues = new UInt256[bytes.length];
    for (int pc = 0; pc < bytes.length; pc++) {
      int op = bytes[pc] & 0xff;
      if (op == 0x5b) {
        destinations.set(pc);
      } else if (op >= 0x60 && op <= 0x7f) {
        int n = op - 0x5f;
        pushValues[pc] = pushData(bytes, pc + 1, n);
        pc += n;
      }
    }
    return new AnalyzedCode(bytes, destinations, pushValues);
  }

  private static UInt256 pushData(byte[] code, int from, int n) {
    byte[] word = new byte[32];
    int available = Math.max(0, Math.min(n, code.length - from));
    // bytes past the end of the code read as zero, on the right
    System.arraycopy(code, from, word, 32 - n, available);
    return UInt256.fromBytes(Bytes32.wrap(word));
  }
}

package org.ailedger.evm.frame;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The valid JUMPDEST positions of code (a 0x5b inside PUSH data is not one), cached by code hash so
 * a contract called often is scanned once. The cache is bounded and least-recently-used.
 */
final class CodeAnalysis {
  static final int MAX_CACHED = 4096;

  private final Map<Bytes32, BitSet> cache =
      new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Bytes32, BitSet> eldest) {
          return size() > MAX_CACHED;
        }
      };

  BitSet jumpDestinations(Bytes32 codeHash, Bytes code) {
    synchronized (cache) {
      BitSet cached = cache.get(codeHash);
      if (cached != null) {
        return cached;
      }
    }
    BitSet destinations = scan(code);
    synchronized (cache) {
      cache.put(codeHash, destinations);
    }
    return destinations;
  }

  static BitSet scan(Bytes code) {
    byte[] bytes = code.toArrayUnsafe();
    BitSet destinations = new BitSet(bytes.length);
    for (int pc = 0; pc < bytes.length; pc++) {
      int op = bytes[pc] & 0xff;
      if (op == 0x5b) {
        destinations.set(pc);
      } else if (op >= 0x60 && op <= 0x7f) {
        pc += op - 0x5f;
      }
    }
    return destinations;
  }
}

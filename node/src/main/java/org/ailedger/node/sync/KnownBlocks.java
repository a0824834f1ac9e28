package org.ailedger.node.sync;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The most recent block hashes a peer is known to have, so a block is never announced back to the
 * peer it came from. Evicts the oldest beyond {@link #MAX_KNOWN_BLOCKS}. Thread-safe.
 */
final class KnownBlocks {
  /** geth's {@code maxKnownBlocks}. */
  static final int MAX_KNOWN_BLOCKS = 1024;

  private final Map<Bytes32, Boolean> hashes =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Bytes32, Boolean> eldest) {
          return size() > MAX_KNOWN_BLOCKS;
        }
      };

  synchronized void add(Bytes32 hash) {
    hashes.put(hash, Boolean.TRUE);
  }

  /** Adds {@code hash}; true if it was not known before. */
  synchronized boolean addIfAbsent(Bytes32 hash) {
    return hashes.put(hash, Boolean.TRUE) == null;
  }

  synchronized boolean contains(Bytes32 hash) {
    return hashes.containsKey(hash);
  }
}

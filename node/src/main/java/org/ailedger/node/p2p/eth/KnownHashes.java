package org.ailedger.node.p2p.eth;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The most recent hashes (of blocks, or of transactions) one peer is known to have, because it sent
 * or announced them or was sent them by this node, so nothing is announced back to where it came
 * from nor twice to the same peer. Evicts the oldest beyond its limit. Thread-safe.
 */
public final class KnownHashes {
  private final Map<Bytes32, Boolean> hashes;

  public KnownHashes(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("a peer's known hashes need room for one: " + limit);
    }
    this.hashes =
        new LinkedHashMap<>() {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Bytes32, Boolean> eldest) {
            return size() > limit;
          }
        };
  }

  public synchronized void add(Bytes32 hash) {
    hashes.put(hash, Boolean.TRUE);
  }

  /** Adds {@code hash}; true if it was not known before. */
  public synchronized boolean addIfAbsent(Bytes32 hash) {
    return hashes.put(hash, Boolean.TRUE) == null;
  }
}

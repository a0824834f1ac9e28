package org.ailedger.node.consensus.qbft.statemachine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ailedger.types.Keccak;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The keccak of the last {@code limit} message data seen, oldest forgotten first, as Besu's
 * MessageTracker. Used for duplicatemessagelimit and gossipedhistorylimit. Confined to the
 * consensus thread.
 */
final class MessageTracker {
  private final Map<Bytes32, Boolean> seen;

  MessageTracker(int limit) {
    this.seen =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Bytes32, Boolean> eldest) {
            return size() > limit;
          }
        };
  }

  /** Records the data; true when it was not seen before. */
  boolean firstSight(Bytes data) {
    return seen.put(Keccak.hash(data), Boolean.TRUE) == null;
  }
}

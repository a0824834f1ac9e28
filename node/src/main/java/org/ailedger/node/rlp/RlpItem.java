package org.ailedger.node.rlp;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/**
 * One RLP item parsed into a tree that keeps every item's raw bytes. Signed consensus messages are
 * verified over the exact bytes a peer sent, and Tuweni's reader does not hand out the raw bytes of
 * a nested item, so messages are parsed into this tree first. Parsing is strict: lengths must be
 * minimal, a single byte below 0x80 must stand for itself, and nothing may follow the item.
 */
public sealed interface RlpItem {
  /** Deepest nesting accepted; a QBFT proposal nests six levels, a peer's list bomb far more. */
  int MAX_DEPTH = 32;

  /** The item's full encoding, prefix included. */
  Bytes raw();

  /** A byte string. */
  record Value(Bytes raw, Bytes value) implements RlpItem {}

  /** A list of items. */
  record ListItem(Bytes raw, List<RlpItem> items) implements RlpItem {
    public ListItem {
      items = List.copyOf(items);
    }
  }

  /**
   * Parses exactly one item.
   *
   * @throws IllegalArgumentException with the reason when the bytes are not one canonical item
   */
  static RlpItem parse(Bytes encoded) {
    if (encoded == null || encoded.isEmpty()) {
      throw new IllegalArgumentException("empty RLP");
    }
    return new RlpTreeParser(encoded).parseOne();
  }
}

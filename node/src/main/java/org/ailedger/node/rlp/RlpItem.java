package org.ailedger.node.rlp;

import java.util.ArrayList;
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
    Parser parser = new Parser(encoded);
    RlpItem item = parser.item(0, encoded.size(), 0);
    if (parser.position != encoded.size()) {
      throw new IllegalArgumentException(
          "RLP item is followed by " + (encoded.size() - parser.position) + " trailing bytes");
    }
    return item;
  }

  /** The reading position over one input; private to {@link #parse}. */
  final class Parser {
    private final Bytes input;
    private int position;

    private Parser(Bytes input) {
      this.input = input;
    }

    private RlpItem item(int start, int limit, int depth) {
      if (depth > MAX_DEPTH) {
        throw new IllegalArgumentException("RLP nests deeper than " + MAX_DEPTH);
      }
      if (start >= limit) {
        throw new IllegalArgumentException("RLP item expected at offset " + start);
      }
      int prefix = input.get(start) & 0xFF;
      if (prefix < 0x80) {
        position = start + 1;
        return new Value(input.slice(start, 1), input.slice(start, 1));
      }
      if (prefix <= 0xBF) {
        boolean shortForm = prefix <= 0xB7;
        int headerSize = shortForm ? 1 : 1 + prefix - 0xB7;
        long length = shortForm ? prefix - 0x80 : longLength(start, prefix - 0xB7, limit);
        int end = end(start, headerSize, length, limit);
        Bytes value = input.slice(start + headerSize, (int) length);
        if (shortForm && length == 1 && (value.get(0) & 0xFF) < 0x80) {
          throw new IllegalArgumentException(
              "single byte below 0x80 encoded with a prefix at offset " + start);
        }
        position = end;
        return new Value(input.slice(start, end - start), value);
      }
      boolean shortForm = prefix <= 0xF7;
      int headerSize = shortForm ? 1 : 1 + prefix - 0xF7;
      long length = shortForm ? prefix - 0xC0 : longLength(start, prefix - 0xF7, limit);
      int end = end(start, headerSize, length, limit);
      List<RlpItem> items = new ArrayList<>();
      int cursor = start + headerSize;
      while (cursor < end) {
        items.add(item(cursor, end, depth + 1));
        cursor = position;
      }
      position = end;
      return new ListItem(input.slice(start, end - start), items);
    }

    private long longLength(int start, int lengthBytes, int limit) {
      if (start + 1 + lengthBytes > limit) {
        throw new IllegalArgumentException("RLP length runs past the input at offset " + start);
      }
      if (lengthBytes > 4) {
        throw new IllegalArgumentException("RLP length of " + lengthBytes + " bytes is too large");
      }
      if (input.get(start + 1) == 0) {
        throw new IllegalArgumentException("RLP length with a leading zero at offset " + start);
      }
      long length = input.slice(start + 1, lengthBytes).toLong();
      if (length <= 55) {
        throw new IllegalArgumentException("RLP long form used for a short item at " + start);
      }
      return length;
    }

    private static int end(int start, int headerSize, long length, int limit) {
      long end = (long) start + headerSize + length;
      if (end > limit) {
        throw new IllegalArgumentException("RLP item at offset " + start + " runs past its list");
      }
      return (int) end;
    }
  }
}

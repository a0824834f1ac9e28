package org.ailedger.node.rlp;

import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/** Parses one input into an {@link RlpItem} tree; see {@link RlpItem#parse} for the rules. */
final class RlpTreeParser {
  private final Bytes input;
  private int position;

  RlpTreeParser(Bytes input) {
    this.input = input;
  }

  RlpItem parseOne() {
    RlpItem item = item(0, input.size(), 0);
    if (position != input.size()) {
      throw new IllegalArgumentException(
          "RLP item is followed by " + (input.size() - position) + " trailing bytes");
    }
    return item;
  }

  private RlpItem item(int start, int limit, int depth) {
    if (depth > RlpItem.MAX_DEPTH) {
      throw new IllegalArgumentException("RLP nests deeper than " + RlpItem.MAX_DEPTH);
    }
    if (start >= limit) {
      throw new IllegalArgumentException("RLP item expected at offset " + start);
    }
    int prefix = input.get(start) & 0xFF;
    if (prefix < 0x80) {
      position = start + 1;
      return new RlpItem.Value(input.slice(start, 1), input.slice(start, 1));
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
      return new RlpItem.Value(input.slice(start, end - start), value);
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
    return new RlpItem.ListItem(input.slice(start, end - start), items);
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

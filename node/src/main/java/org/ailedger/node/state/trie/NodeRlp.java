package org.ailedger.node.state.trie;

import org.apache.tuweni.bytes.Bytes;

/**
 * RLP as trie nodes need it, written into and read from one array. Every state commit encodes each
 * new node, and every cold read decodes the nodes on its path; a general-purpose RLP writer and
 * reader spent as long on that as keccak spent hashing. Reading is strict (canonical lengths and
 * single bytes only), as stored nodes are decoded with no second chance.
 */
final class NodeRlp {
  private static final int SHORT_LIMIT = 56;
  private static final int STRING_OFFSET = 0x80;
  private static final int LONG_STRING_OFFSET = 0xb7;
  private static final int LIST_OFFSET = 0xc0;
  private static final int LONG_LIST_OFFSET = 0xf7;

  private NodeRlp() {}

  /** The size of {@code value} encoded as an RLP string. */
  static int stringSize(Bytes value) {
    int size = value.size();
    if (size == 1 && (value.get(0) & 0xff) < STRING_OFFSET) {
      return 1;
    }
    return headerSize(size) + size;
  }

  /** Writes {@code value} as an RLP string at {@code at}; returns the position after it. */
  static int writeString(byte[] out, int at, Bytes value) {
    int size = value.size();
    if (size == 1 && (value.get(0) & 0xff) < STRING_OFFSET) {
      out[at] = value.get(0);
      return at + 1;
    }
    at = writeHeader(out, at, size, STRING_OFFSET, LONG_STRING_OFFSET);
    return writeRaw(out, at, value);
  }

  /** Writes already encoded RLP (or any bytes) at {@code at}; returns the position after them. */
  static int writeRaw(byte[] out, int at, Bytes bytes) {
    int size = bytes.size();
    for (int i = 0; i < size; i++) {
      out[at + i] = bytes.get(i);
    }
    return at + size;
  }

  /** An array for a list whose items take {@code payload} bytes, its header already written. */
  static byte[] list(int payload) {
    byte[] out = new byte[headerSize(payload) + payload];
    writeHeader(out, 0, payload, LIST_OFFSET, LONG_LIST_OFFSET);
    return out;
  }

  /** Where the items of a list made by {@link #list} start. */
  static int listPayloadStart(int payload) {
    return headerSize(payload);
  }

  private static int headerSize(int length) {
    return length < SHORT_LIMIT ? 1 : 1 + bytesOf(length);
  }

  private static int writeHeader(byte[] out, int at, int length, int shortBase, int longBase) {
    if (length < SHORT_LIMIT) {
      out[at] = (byte) (shortBase + length);
      return at + 1;
    }
    int lengthBytes = bytesOf(length);
    out[at] = (byte) (longBase + lengthBytes);
    for (int i = lengthBytes; i > 0; i--) {
      out[at + i] = (byte) length;
      length >>>= 8;
    }
    return at + 1 + lengthBytes;
  }

  private static int bytesOf(int length) {
    return (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
  }

  /** One item read: where its contents start and end in the array, and whether it is a list. */
  record Item(int start, int end, boolean list) {
    Bytes bytes(byte[] source) {
      // tuweni refuses an empty slice that starts at the array's end
      return start == end ? Bytes.EMPTY : Bytes.wrap(source, start, end - start);
    }
  }

  /** Reads the item starting at {@code at}, which must end by {@code limit}. */
  static Item read(byte[] in, int at, int limit) {
    if (at >= limit) {
      throw new IllegalArgumentException("an item is missing at " + at);
    }
    int first = in[at] & 0xff;
    if (first < STRING_OFFSET) {
      return new Item(at, at + 1, false);
    }
    if (first <= LONG_STRING_OFFSET) {
      int length = first - STRING_OFFSET;
      if (length == 1 && at + 1 < limit && (in[at + 1] & 0xff) < STRING_OFFSET) {
        throw new IllegalArgumentException("a single byte below 0x80 is encoded as a string");
      }
      return within(at + 1, length, limit, false);
    }
    if (first < LIST_OFFSET) {
      return within(
          at + 1 + (first - LONG_STRING_OFFSET),
          longLength(in, at, first - LONG_STRING_OFFSET, limit),
          limit,
          false);
    }
    if (first <= LONG_LIST_OFFSET) {
      return within(at + 1, first - LIST_OFFSET, limit, true);
    }
    return within(
        at + 1 + (first - LONG_LIST_OFFSET),
        longLength(in, at, first - LONG_LIST_OFFSET, limit),
        limit,
        true);
  }

  private static int longLength(byte[] in, int at, int lengthBytes, int limit) {
    if (lengthBytes > 4 || at + 1 + lengthBytes > limit) {
      throw new IllegalArgumentException("a length of " + lengthBytes + " bytes does not fit");
    }
    if (in[at + 1] == 0) {
      throw new IllegalArgumentException("a length with a leading zero byte");
    }
    long length = 0;
    for (int i = 1; i <= lengthBytes; i++) {
      length = (length << 8) | (in[at + i] & 0xff);
    }
    if (length < SHORT_LIMIT || length > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("a long length of " + length + " is not canonical");
    }
    return (int) length;
  }

  private static Item within(int start, int length, int limit, boolean list) {
    if (length > limit - start) {
      throw new IllegalArgumentException("an item of " + length + " bytes runs past its list");
    }
    return new Item(start, start + length, list);
  }
}

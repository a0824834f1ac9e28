package org.ailedger.node.state.trie;

import org.apache.tuweni.bytes.Bytes;

/**
 * The yellow paper's hex-prefix encoding of a nibble path: the first nibble carries two flags (bit
 * 1: leaf, bit 0: odd length), and an even path is padded with a zero nibble after the flags.
 */
final class HexPrefix {
  private static final int LEAF_FLAG = 2;
  private static final int ODD_FLAG = 1;

  private HexPrefix() {}

  /** A decoded path and whether it belonged to a leaf (otherwise to an extension). */
  record Decoded(Bytes nibbles, boolean leaf) {}

  static Bytes encode(Bytes nibbles, boolean leaf) {
    int size = nibbles.size();
    boolean odd = size % 2 == 1;
    int flags = (leaf ? LEAF_FLAG : 0) | (odd ? ODD_FLAG : 0);
    byte[] out = new byte[size / 2 + 1];
    int next = 0;
    if (odd) {
      out[0] = (byte) ((flags << 4) | nibbles.get(0));
      next = 1;
    } else {
      out[0] = (byte) (flags << 4);
    }
    for (int i = 1; i < out.length; i++, next += 2) {
      out[i] = (byte) ((nibbles.get(next) << 4) | nibbles.get(next + 1));
    }
    return Bytes.wrap(out);
  }

  static Decoded decode(Bytes encoded) {
    if (encoded.isEmpty()) {
      throw new IllegalArgumentException("hex-prefix path is empty");
    }
    int first = encoded.get(0) & 0xff;
    int flags = first >>> 4;
    if (flags > (LEAF_FLAG | ODD_FLAG)) {
      throw new IllegalArgumentException("hex-prefix flags out of range: " + flags);
    }
    boolean odd = (flags & ODD_FLAG) != 0;
    if (!odd && (first & 0x0f) != 0) {
      throw new IllegalArgumentException("hex-prefix padding nibble is not zero");
    }
    int size = (encoded.size() - 1) * 2 + (odd ? 1 : 0);
    byte[] nibbles = new byte[size];
    int next = 0;
    if (odd) {
      nibbles[next++] = (byte) (first & 0x0f);
    }
    for (int i = 1; i < encoded.size(); i++) {
      int b = encoded.get(i) & 0xff;
      nibbles[next++] = (byte) (b >>> 4);
      nibbles[next++] = (byte) (b & 0x0f);
    }
    return new Decoded(Bytes.wrap(nibbles), (flags & LEAF_FLAG) != 0);
  }
}

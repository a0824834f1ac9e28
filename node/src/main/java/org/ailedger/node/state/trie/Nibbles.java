package org.ailedger.node.state.trie;

import org.apache.tuweni.bytes.Bytes;

/** Conversions between byte keys and the nibble (half-byte) paths the trie branches on. */
final class Nibbles {
  private Nibbles() {}

  /** One byte per nibble, high nibble first. */
  static Bytes fromKey(Bytes key) {
    int size = key.size();
    byte[] nibbles = new byte[size * 2];
    for (int i = 0; i < size; i++) {
      int b = key.get(i) & 0xff;
      nibbles[2 * i] = (byte) (b >>> 4);
      nibbles[2 * i + 1] = (byte) (b & 0x0f);
    }
    return Bytes.wrap(nibbles);
  }

  /** The key a full path spells; every stored key has an even number of nibbles. */
  static Bytes toKey(Bytes nibbles) {
    if (nibbles.size() % 2 != 0) {
      throw new IllegalStateException("a key path has an odd number of nibbles: " + nibbles.size());
    }
    byte[] key = new byte[nibbles.size() / 2];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) ((nibbles.get(2 * i) << 4) | nibbles.get(2 * i + 1));
    }
    return Bytes.wrap(key);
  }

  static boolean startsWith(Bytes path, Bytes prefix) {
    return path.size() >= prefix.size() && path.commonPrefixLength(prefix) == prefix.size();
  }
}

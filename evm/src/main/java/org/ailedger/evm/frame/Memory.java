package org.ailedger.evm.frame;

import java.util.Arrays;
import org.apache.tuweni.bytes.Bytes;

/** A frame's byte-addressed memory, grown in 32-byte words; the frame charges the expansion. */
final class Memory {
  private byte[] data = new byte[0];
  private long words;

  long words() {
    return words;
  }

  long size() {
    return words * 32;
  }

  /** Grows the active size to cover {@code [offset, offset + length)}; length must be > 0. */
  void expand(long offset, long length) {
    long newWords = (offset + length + 31) / 32;
    if (newWords <= words) {
      return;
    }
    int needed = Math.toIntExact(newWords * 32);
    if (needed > data.length) {
      data =
          Arrays.copyOf(data, Math.max(needed, Math.min(Integer.MAX_VALUE - 8, data.length * 2)));
    }
    words = newWords;
  }

  Bytes read(long offset, long length) {
    if (length == 0) {
      return Bytes.EMPTY;
    }
    int from = (int) offset;
    return Bytes.wrap(Arrays.copyOfRange(data, from, from + (int) length));
  }

  void write(long offset, byte[] source) {
    System.arraycopy(source, 0, data, (int) offset, source.length);
  }

  void writeByte(long offset, byte value) {
    data[(int) offset] = value;
  }

  /**
   * Copies {@code length} bytes of {@code source} from {@code sourceOffset} to memory at {@code
   * offset}, zero-filling what lies past the end of the source (CALLDATACOPY and friends).
   */
  void writePadded(long offset, Bytes source, long sourceOffset, long length) {
    int to = (int) offset;
    int len = (int) length;
    long available = Math.max(0, source.size() - sourceOffset);
    int copied = (int) Math.min(available, len);
    if (copied > 0) {
      byte[] src = source.slice((int) sourceOffset, copied).toArrayUnsafe();
      System.arraycopy(src, 0, data, to, copied);
    }
    Arrays.fill(data, to + copied, to + len, (byte) 0);
  }

  void copyWithin(long destination, long source, long length) {
    System.arraycopy(data, (int) source, data, (int) destination, (int) length);
  }
}

package org.ailedger.node.block;

import java.util.Collection;
import java.util.List;
import org.ailedger.types.Keccak;
import org.ailedger.types.Log;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.bytes.MutableBytes;

/**
 * The 2048-bit Ethereum logs bloom filter (yellow paper M3:2048). A value: equal blooms have equal
 * bits.
 *
 * <p>A bloom {@linkplain #of made from logs} hashes them only when its bits are first read. Every
 * stored receipt carries one, and answering one receipt decodes all of its block's receipts; with
 * thousands per block, hashing every log there cost more than the rest of the answer.
 */
public final class LogsBloom {
  public static final int SIZE = 256;
  public static final LogsBloom EMPTY = new LogsBloom(Bytes.wrap(new byte[SIZE]));

  private final List<Log> logs;
  private volatile Bytes bits;

  public LogsBloom(Bytes bytes) {
    if (bytes == null || bytes.size() != SIZE) {
      throw new IllegalArgumentException("a logs bloom has 256 bytes");
    }
    this.logs = List.of();
    this.bits = bytes.copy();
  }

  private LogsBloom(List<Log> logs) {
    this.logs = logs;
  }

  public static LogsBloom of(Collection<Log> logs) {
    return logs.isEmpty() ? EMPTY : new LogsBloom(List.copyOf(logs));
  }

  /** The 256 bytes of the filter. */
  public Bytes bytes() {
    Bytes computed = bits;
    if (computed == null) {
      // a race computes the same bits twice, which is harmless
      MutableBytes set = MutableBytes.create(SIZE);
      for (Log log : logs) {
        set(set, log.address().bytes());
        for (Bytes32 topic : log.topics()) {
          set(set, topic);
        }
      }
      computed = set.copy();
      bits = computed;
    }
    return computed;
  }

  public LogsBloom or(LogsBloom other) {
    return new LogsBloom(bytes().or(other.bytes()));
  }

  /** True if the value may be in the set; false means certainly not. */
  public boolean mightContain(Bytes value) {
    Bytes filter = bytes();
    byte[] hash = Keccak.hash(value.toArrayUnsafe());
    for (int i = 0; i < 6; i += 2) {
      int bit = ((hash[i] & 0x07) << 8 | (hash[i + 1] & 0xFF));
      int index = SIZE - 1 - bit / 8;
      if ((filter.get(index) & (1 << (bit % 8))) == 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LogsBloom bloom && bytes().equals(bloom.bytes());
  }

  @Override
  public int hashCode() {
    return bytes().hashCode();
  }

  @Override
  public String toString() {
    return "LogsBloom[" + bytes().toHexString() + "]";
  }

  private static void set(MutableBytes bits, Bytes value) {
    byte[] hash = Keccak.hash(value.toArrayUnsafe());
    for (int i = 0; i < 6; i += 2) {
      int bit = ((hash[i] & 0x07) << 8 | (hash[i + 1] & 0xFF));
      int index = SIZE - 1 - bit / 8;
      bits.set(index, (byte) (bits.get(index) | (1 << (bit % 8))));
    }
  }
}

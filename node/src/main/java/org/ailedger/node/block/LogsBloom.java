package org.ailedger.node.block;

import java.util.Collection;
import org.ailedger.types.Log;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.bytes.MutableBytes;
import org.web3j.crypto.Hash;

/** The 2048-bit Ethereum logs bloom filter (yellow paper M3:2048). */
public record LogsBloom(Bytes bytes) {
  public static final int SIZE = 256;
  public static final LogsBloom EMPTY = new LogsBloom(Bytes.wrap(new byte[SIZE]));

  public LogsBloom {
    if (bytes == null || bytes.size() != SIZE) {
      throw new IllegalArgumentException("a logs bloom has 256 bytes");
    }
    bytes = bytes.copy();
  }

  public static LogsBloom of(Collection<Log> logs) {
    MutableBytes bits = MutableBytes.create(SIZE);
    for (Log log : logs) {
      set(bits, log.address().bytes());
      for (Bytes32 topic : log.topics()) {
        set(bits, topic);
      }
    }
    return new LogsBloom(bits);
  }

  public LogsBloom or(LogsBloom other) {
    return new LogsBloom(bytes.or(other.bytes));
  }

  /** True if the value may be in the set; false means certainly not. */
  public boolean mightContain(Bytes value) {
    byte[] hash = Hash.sha3(value.toArrayUnsafe());
    for (int i = 0; i < 6; i += 2) {
      int bit = ((hash[i] & 0x07) << 8 | (hash[i + 1] & 0xFF));
      int index = SIZE - 1 - bit / 8;
      if ((bytes.get(index) & (1 << (bit % 8))) == 0) {
        return false;
      }
    }
    return true;
  }

  private static void set(MutableBytes bits, Bytes value) {
    byte[] hash = Hash.sha3(value.toArrayUnsafe());
    for (int i = 0; i < 6; i += 2) {
      int bit = ((hash[i] & 0x07) << 8 | (hash[i + 1] & 0xFF));
      int index = SIZE - 1 - bit / 8;
      bits.set(index, (byte) (bits.get(index) | (1 << (bit % 8))));
    }
  }
}

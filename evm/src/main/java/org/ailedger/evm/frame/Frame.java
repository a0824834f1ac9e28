package org.ailedger.evm.frame;

import java.util.BitSet;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;

/** The running state of one call frame: program counter, gas, stack, memory, last return data. */
final class Frame {
  static final int STACK_LIMIT = 1024;

  /** Memory beyond this (2 GiB) cannot be a Java array; the gas for it exceeds any block anyway. */
  private static final long MEMORY_LIMIT = Integer.MAX_VALUE - 64L;

  final Message message;
  final byte[] code;
  final BitSet jumpDestinations;
  final UInt256[] pushValues;
  final Memory memory = new Memory();
  private final UInt256[] stack = new UInt256[STACK_LIMIT];
  private int size;
  long gas;
  int pc;
  Bytes returnData = Bytes.EMPTY;

  Frame(Message message, AnalyzedCode code) {
    this.message = message;
    this.code = code.code();
    this.jumpDestinations = code.jumpDestinations();
    this.pushValues = code.pushValues();
    this.gas = message.gas();
  }

  void useGas(long cost) {
    if (cost < 0 || gas < cost) {
      throw new Halt(HaltReason.OUT_OF_GAS);
    }
    gas -= cost;
  }

  UInt256 pop() {
    if (size == 0) {
      throw new Halt(HaltReason.STACK_UNDERFLOW);
    }
    UInt256 top = stack[--size];
    stack[size] = null;
    return top;
  }

  void push(UInt256 value) {
    if (size == STACK_LIMIT) {
      throw new Halt(HaltReason.STACK_OVERFLOW);
    }
    stack[size++] = value;
  }

  /** Fails the frame unless the stack holds {@code popped} items and room for the result. */
  void require(int popped, int pushed) {
    if (size < popped) {
      throw new Halt(HaltReason.STACK_UNDERFLOW);
    }
    if (size - popped + pushed > STACK_LIMIT) {
      throw new Halt(HaltReason.STACK_OVERFLOW);
    }
  }

  void dup(int n) {
    require(n, n + 1);
    stack[size] = stack[size - n];
    size++;
  }

  void swap(int n) {
    require(n + 1, n + 1);
    UInt256 top = stack[size - 1];
    stack[size - 1] = stack[size - 1 - n];
    stack[size - 1 - n] = top;
  }

  /**
   * Charges and performs the memory expansion for {@code [offset, offset + length)} and returns the
   * offset as a long; a zero length touches no memory whatever the offset.
   */
  long memoryArea(UInt256 offset, UInt256 length) {
    if (length.isZero()) {
      return 0;
    }
    if (!offset.fitsLong() || !length.fitsLong()) {
      throw new Halt(HaltReason.OUT_OF_GAS);
    }
    long off = offset.toLong();
    long len = length.toLong();
    if (off > MEMORY_LIMIT || len > MEMORY_LIMIT || off + len > MEMORY_LIMIT) {
      throw new Halt(HaltReason.OUT_OF_GAS);
    }
    long newWords = (off + len + 31) / 32;
    long oldWords = memory.words();
    if (newWords > oldWords) {
      useGas(memoryCost(newWords) - memoryCost(oldWords));
      memory.expand(off, len);
    }
    return off;
  }

  static long memoryCost(long words) {
    return 3 * words + words * words / 512;
  }

  /** A length operand that was already covered by {@link #memoryArea} or must fit in memory. */
  static long length(UInt256 length) {
    if (!length.fitsLong() || length.toLong() > MEMORY_LIMIT) {
      throw new Halt(HaltReason.OUT_OF_GAS);
    }
    return length.toLong();
  }

  static long words(long bytes) {
    return (bytes + 31) / 32;
  }
}

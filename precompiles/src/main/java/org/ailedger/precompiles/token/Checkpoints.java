package org.ailedger.precompiles.token;

import org.ailedger.precompiles.ContractStorage;
import org.ailedger.precompiles.storage.StorageSlots;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * The history of one value as {@code (block, value)} pairs in ascending block order, laid out as
 * the Solidity array {@code Checkpoint[]} at {@code base} with {@code struct Checkpoint { uint192
 * value; uint64 fromBlock; }} packed into one slot: the block in the high 8 bytes, the value in the
 * low 24. Length at {@code base}, entry {@code i} at {@code keccak256(base) + i}.
 *
 * <p>An entry says "from the end of {@code fromBlock} on, the value is {@code value}". Several
 * changes in one block rewrite that block's entry instead of adding one, so the array grows at most
 * once per block and a lookup is a binary search over at most one entry per block: O(log n) slot
 * reads, each charged by the meter when the storage is a call's. Values must fit in 192 bits, which
 * {@link TokenLedger#MAX_SUPPLY} guarantees for every value the token tracks.
 */
final class Checkpoints {
  /** The largest value an entry holds: 2^192 - 1. */
  static final UInt256 MAX_VALUE = UInt256.ONE.shiftLeft(192).subtract(UInt256.ONE);

  private static final int BLOCK_BYTES = 8;

  private final ContractStorage storage;
  private final Bytes32 lengthSlot;

  Checkpoints(ContractStorage storage, Bytes32 base) {
    this.storage = storage;
    this.lengthSlot = base;
  }

  /** One entry of the history. */
  record Entry(long fromBlock, UInt256 value) {
    Entry {
      if (fromBlock < 0) {
        throw new IllegalArgumentException("checkpoint block < 0: " + fromBlock);
      }
      if (value.compareTo(MAX_VALUE) > 0) {
        throw new IllegalArgumentException("checkpoint value exceeds 192 bits: " + value);
      }
    }

    Bytes32 pack() {
      return Bytes32.wrap(
          Bytes.concatenate(Bytes.ofUnsignedLong(fromBlock), value.toBytes().slice(BLOCK_BYTES)));
    }

    static Entry unpack(Bytes32 word) {
      return new Entry(
          word.slice(0, BLOCK_BYTES).toLong(),
          UInt256.fromBytes(Bytes32.leftPad(word.slice(BLOCK_BYTES))));
    }
  }

  long length() {
    UInt256 length = UInt256.fromBytes(storage.load(lengthSlot));
    if (!length.fitsLong()) {
      throw new IllegalStateException("checkpoints at " + lengthSlot + " have length " + length);
    }
    return length.toLong();
  }

  /** The current value: the last entry's, zero when there is none. */
  UInt256 latest() {
    long length = length();
    return length == 0 ? UInt256.ZERO : entry(length - 1).value();
  }

  /**
   * Records {@code value} as the value from the end of {@code block} on. Rewrites the last entry if
   * it is for the same block, appends otherwise; writes nothing if the value does not change.
   *
   * @throws IllegalStateException if the last entry is for a later block: history is append-only
   */
  void record(long block, UInt256 value) {
    long length = length();
    if (length == 0) {
      if (!value.isZero()) {
        append(0, new Entry(block, value));
      }
      return;
    }
    Entry last = entry(length - 1);
    if (last.fromBlock() > block) {
      throw new IllegalStateException(
          "checkpoint for block " + block + " after one for block " + last.fromBlock());
    }
    if (last.value().equals(value)) {
      return;
    }
    if (last.fromBlock() == block) {
      storage.store(slotOf(length - 1), new Entry(block, value).pack());
    } else {
      append(length, new Entry(block, value));
    }
  }

  /**
   * The value at the end of {@code block}: the last entry at or before it, zero before the first.
   */
  UInt256 valueAt(long block) {
    long low = 0;
    long high = length();
    // invariant: entries below low are at or before block, entries from high on are after it
    while (low < high) {
      long middle = low + (high - low) / 2;
      if (entry(middle).fromBlock() <= block) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low == 0 ? UInt256.ZERO : entry(low - 1).value();
  }

  Entry entry(long index) {
    return Entry.unpack(storage.load(slotOf(index)));
  }

  private void append(long length, Entry entry) {
    storage.store(slotOf(length), entry.pack());
    storage.store(lengthSlot, UInt256.valueOf(length + 1).toBytes());
  }

  private Bytes32 slotOf(long index) {
    return StorageSlots.arrayElement(lengthSlot, index);
  }
}

package org.ailedger.precompiles.storage;

import java.util.ArrayList;
import java.util.List;
import org.ailedger.precompiles.ContractStorage;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * A set of 32-byte words in contract storage with O(1) add, remove and membership, and enumeration.
 * It is laid out as the Solidity struct {@code {bytes32[] values; mapping(bytes32 => uint256)
 * positions;}} at {@code base}:
 *
 * <ul>
 *   <li>{@code base}: number of elements;
 *   <li>{@code keccak256(base) + i}: element {@code i};
 *   <li>{@code keccak256(v . (base + 1))}: 1 + index of {@code v}, zero when absent.
 * </ul>
 *
 * Removal moves the last element into the hole, so order is insertion order until the first
 * removal, and every slot a removed element used is cleared (no storage is left behind).
 */
public final class EnumerableSet {
  private final ContractStorage storage;
  private final Bytes32 lengthSlot;
  private final Bytes32 positionsSlot;

  public EnumerableSet(ContractStorage storage, Bytes32 base) {
    if (storage == null || base == null) {
      throw new IllegalArgumentException("storage and base slot are required");
    }
    this.storage = storage;
    this.lengthSlot = base;
    this.positionsSlot = StorageSlots.offset(base, 1);
  }

  public boolean contains(Bytes32 value) {
    return !storage.load(positionSlot(value)).isZero();
  }

  /** Adds {@code value}; false if it was already there. */
  public boolean add(Bytes32 value) {
    Bytes32 positionSlot = positionSlot(value);
    if (!storage.load(positionSlot).isZero()) {
      return false;
    }
    int size = size();
    storage.store(StorageSlots.arrayElement(lengthSlot, size), value);
    storage.store(lengthSlot, word(size + 1L));
    storage.store(positionSlot, word(size + 1L));
    return true;
  }

  /** Removes {@code value}; false if it was not there. */
  public boolean remove(Bytes32 value) {
    Bytes32 positionSlot = positionSlot(value);
    long position = toIndex(storage.load(positionSlot));
    if (position == 0) {
      return false;
    }
    int last = size() - 1;
    long index = position - 1;
    if (index != last) {
      Bytes32 moved = storage.load(StorageSlots.arrayElement(lengthSlot, last));
      storage.store(StorageSlots.arrayElement(lengthSlot, index), moved);
      storage.store(positionSlot(moved), word(position));
    }
    storage.store(StorageSlots.arrayElement(lengthSlot, last), Bytes32.ZERO);
    storage.store(lengthSlot, word(last));
    storage.store(positionSlot, Bytes32.ZERO);
    return true;
  }

  public int size() {
    long size = toIndex(storage.load(lengthSlot));
    if (size > Integer.MAX_VALUE) {
      throw new IllegalStateException("set at " + lengthSlot + " has an impossible size " + size);
    }
    return (int) size;
  }

  public boolean isEmpty() {
    return size() == 0;
  }

  /**
   * @throws IndexOutOfBoundsException if {@code index} is not below {@link #size()}
   */
  public Bytes32 at(int index) {
    int size = size();
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " of a set of " + size);
    }
    return storage.load(StorageSlots.arrayElement(lengthSlot, index));
  }

  /** All elements in storage order. */
  public List<Bytes32> values() {
    int size = size();
    List<Bytes32> values = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      values.add(storage.load(StorageSlots.arrayElement(lengthSlot, i)));
    }
    return List.copyOf(values);
  }

  private Bytes32 positionSlot(Bytes32 value) {
    return StorageSlots.mapping(positionsSlot, value);
  }

  private static Bytes32 word(long value) {
    return UInt256.valueOf(value).toBytes();
  }

  private static long toIndex(Bytes32 word) {
    UInt256 value = UInt256.fromBytes(word);
    if (!value.fitsLong()) {
      throw new IllegalStateException("corrupt set bookkeeping word " + word);
    }
    return value.toLong();
  }
}

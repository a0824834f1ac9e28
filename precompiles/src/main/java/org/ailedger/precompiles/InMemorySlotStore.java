package org.ailedger.precompiles;

import java.util.Map;
import java.util.TreeMap;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A {@link SlotStore} in a map, for tests and simulations that need no world state. Not safe for
 * concurrent use, like one call's execution.
 */
public final class InMemorySlotStore implements SlotStore {
  private final Map<Address, TreeMap<Bytes32, Bytes32>> slots = new TreeMap<>();

  @Override
  public Bytes32 load(Address contract, Bytes32 slot) {
    TreeMap<Bytes32, Bytes32> own = slots.get(contract);
    Bytes32 value = own == null ? null : own.get(slot);
    return value == null ? Bytes32.ZERO : value;
  }

  @Override
  public void store(Address contract, Bytes32 slot, Bytes32 value) {
    if (contract == null || slot == null || value == null) {
      throw new IllegalArgumentException("contract, slot and value are required");
    }
    if (value.isZero()) {
      TreeMap<Bytes32, Bytes32> own = slots.get(contract);
      if (own != null) {
        own.remove(slot);
        if (own.isEmpty()) {
          slots.remove(contract);
        }
      }
      return;
    }
    slots.computeIfAbsent(contract, c -> new TreeMap<>()).put(slot, value.copy());
  }

  /** The non-zero slots of {@code contract}, ordered by slot. */
  public Map<Bytes32, Bytes32> slotsOf(Address contract) {
    TreeMap<Bytes32, Bytes32> own = slots.get(contract);
    return own == null ? Map.of() : Map.copyOf(own);
  }

  /** The number of non-zero slots over all contracts. */
  public int size() {
    return slots.values().stream().mapToInt(Map::size).sum();
  }

  public InMemorySlotStore copy() {
    InMemorySlotStore copy = new InMemorySlotStore();
    slots.forEach((contract, own) -> copy.slots.put(contract, new TreeMap<>(own)));
    return copy;
  }

  /** Two stores are equal when every slot of every contract holds the same value. */
  @Override
  public boolean equals(Object other) {
    return other instanceof InMemorySlotStore that && slots.equals(that.slots);
  }

  @Override
  public int hashCode() {
    return slots.hashCode();
  }

  @Override
  public String toString() {
    return "InMemorySlotStore" + slots;
  }
}

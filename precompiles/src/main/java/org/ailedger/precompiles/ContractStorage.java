package org.ailedger.precompiles;

import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;

/**
 * One contract's 32-byte storage slots, zero when unset. Storage helpers (sets, mappings) are
 * written against this narrow view so the same code serves a metered call ({@link ContractState})
 * and unmetered genesis seeding or node-side reads ({@link #direct}).
 */
public interface ContractStorage {
  Bytes32 load(Bytes32 slot);

  /** Storing {@link Bytes32#ZERO} clears the slot. */
  void store(Bytes32 slot, Bytes32 value);

  /**
   * Reads and writes {@code contract}'s slots straight through {@code store}: no gas, no buffering,
   * no logs. Meant for building genesis and for the node reading committed state, never for
   * executing a call.
   */
  static ContractStorage direct(SlotStore store, Address contract) {
    if (store == null || contract == null) {
      throw new IllegalArgumentException("store and contract are required");
    }
    return new ContractStorage() {
      @Override
      public Bytes32 load(Bytes32 slot) {
        return store.load(contract, slot);
      }

      @Override
      public void store(Bytes32 slot, Bytes32 value) {
        store.store(contract, slot, value);
      }
    };
  }
}

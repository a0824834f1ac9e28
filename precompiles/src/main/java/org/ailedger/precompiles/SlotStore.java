package org.ailedger.precompiles;

import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The storage the native contracts live in: one 32-byte word per (contract, slot), zero when unset.
 * The node backs it with the world state; tests back it with a map.
 */
public interface SlotStore {
  Bytes32 load(Address contract, Bytes32 slot);

  /** Storing {@link Bytes32#ZERO} deletes the slot. */
  void store(Address contract, Bytes32 slot, Bytes32 value);
}

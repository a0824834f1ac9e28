package org.ailedger.precompiles.storage;

import org.ailedger.types.Address;
import org.ailedger.types.Keccak;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Derives storage slots the way Solidity lays out state variables, so a native contract's storage
 * reads like a Solidity contract's to anyone inspecting it with {@code eth_getStorageAt}:
 *
 * <ul>
 *   <li>a fixed variable sits at a small slot number;
 *   <li>{@code mapping} entry for {@code key} under slot {@code p}: {@code keccak256(key . p)}, key
 *       and p each as a 32-byte word;
 *   <li>dynamic array at slot {@code p}: length at {@code p}, element {@code i} at {@code
 *       keccak256(p) + i}.
 * </ul>
 *
 * Keccak makes the derived slots of different variables collide only with negligible probability.
 */
public final class StorageSlots {
  private StorageSlots() {}

  public static Bytes32 slot(long index) {
    if (index < 0) {
      throw new IllegalArgumentException("slot index < 0: " + index);
    }
    return UInt256.valueOf(index).toBytes();
  }

  public static Bytes32 mapping(Bytes32 mappingSlot, Bytes32 key) {
    return Keccak.hash(key, mappingSlot);
  }

  public static Bytes32 mapping(Bytes32 mappingSlot, Address key) {
    return mapping(mappingSlot, key.toWord());
  }

  public static Bytes32 arrayElement(Bytes32 arraySlot, long index) {
    if (index < 0) {
      throw new IllegalArgumentException("array index < 0: " + index);
    }
    return offset(Keccak.hash(arraySlot), index);
  }

  /** {@code slot + n}, wrapping modulo 2^256 as the EVM's slot arithmetic does. */
  public static Bytes32 offset(Bytes32 slot, long n) {
    if (n < 0) {
      throw new IllegalArgumentException("offset < 0: " + n);
    }
    return UInt256.fromBytes(slot).add(UInt256.valueOf(n)).toBytes();
  }
}

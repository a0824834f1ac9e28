package org.ailedger.node.tx;

import java.util.List;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;

/** One EIP-2930 access-list entry. */
public record AccessListEntry(Address address, List<Bytes32> storageKeys) {
  public AccessListEntry {
    if (address == null || storageKeys == null) {
      throw new IllegalArgumentException("access-list entry fields must not be null");
    }
    storageKeys = List.copyOf(storageKeys);
  }
}

package org.ailedger.evm.tx;

import java.util.List;
import org.ailedger.evm.state.Address;
import org.apache.tuweni.bytes.Bytes32;

/** One EIP-2930 access-list item: an address and the storage keys warmed with it. */
public record AccessListEntry(Address address, List<Bytes32> storageKeys) {
  public AccessListEntry {
    if (address == null) {
      throw new IllegalArgumentException("an access-list entry has an address");
    }
    storageKeys = List.copyOf(storageKeys);
  }
}

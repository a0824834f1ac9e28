package org.ailedger.node.genesis;

import java.util.List;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;

/** A permitted account of the genesis ledger section: its member (organisation) and roles. */
public record LedgerAccount(Address address, Bytes32 memberId, List<String> roles) {
  public LedgerAccount {
    if (address == null || memberId == null || roles == null) {
      throw new IllegalArgumentException("ledger account fields must not be null");
    }
    if (memberId.isZero()) {
      throw new IllegalArgumentException("account " + address + " needs a member id");
    }
    roles = List.copyOf(roles);
  }
}

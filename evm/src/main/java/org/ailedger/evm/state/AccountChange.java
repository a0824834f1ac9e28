package org.ailedger.evm.state;

import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * What a block did to one account. {@code deleted}: the account is gone (the other fields are then
 * its empty values). {@code storageCleared}: the committed storage is dropped before {@code
 * storage} is applied (the account was destroyed or re-created). A zero slot value removes the
 * slot. {@code newCode} is present when the code changed; store it under {@code codeHash}.
 */
public record AccountChange(
    Address address,
    boolean deleted,
    long nonce,
    UInt256 balance,
    Bytes32 codeHash,
    Optional<Bytes> newCode,
    boolean storageCleared,
    Map<UInt256, UInt256> storage) {
  public AccountChange {
    if (address == null || balance == null || codeHash == null || newCode == null) {
      throw new IllegalArgumentException("incomplete account change");
    }
    storage = Map.copyOf(storage);
  }
}

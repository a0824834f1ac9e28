package org.ailedger.node.state;

import java.util.Optional;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;

/** Reads of the world state as of a given state root (any committed block's). */
public interface WorldStateReader {
  Optional<Account> account(Bytes32 stateRoot, Address address);

  /** The storage word, zero when unset or when the account does not exist. */
  Bytes32 storageAt(Bytes32 stateRoot, Address address, Bytes32 slot);
}

package org.ailedger.evm.state;

import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * The committed state the EVM reads from: the node implements it over its trie, tests over a map.
 * The EVM never writes through it; its writes come back as a {@link ChangeSet}.
 */
public interface StateReader {

  /** The account, or empty when it does not exist. */
  Optional<AccountSnapshot> account(Address address);

  /** The slot's value; zero when unset or the account does not exist. */
  UInt256 storage(Address address, UInt256 key);

  /** The code whose keccak256 is {@code codeHash}; empty bytes for the empty-code hash. */
  Bytes code(Bytes32 codeHash);

  /** Whether the account has any storage slot set (EIP-7610: such an address cannot be created). */
  boolean hasStorage(Address address);
}

package org.ailedger.node.state;

import java.util.Optional;
import org.ailedger.evm.state.AccountSnapshot;
import org.ailedger.evm.state.StateReader;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * The EVM's view of a block's state so far: the EVM journals its own writes for one transaction and
 * hands them back as a change set, so this side only reads.
 */
public final class EvmStateReader implements StateReader {
  private final MutableWorldState state;

  public EvmStateReader(MutableWorldState state) {
    this.state = state;
  }

  @Override
  public Optional<AccountSnapshot> account(org.ailedger.evm.state.Address address) {
    return state
        .existing(toNode(address))
        .map(a -> new AccountSnapshot(a.nonce(), a.balance(), a.codeHash()));
  }

  @Override
  public UInt256 storage(org.ailedger.evm.state.Address address, UInt256 key) {
    return UInt256.fromBytes(state.load(toNode(address), key.toBytes()));
  }

  @Override
  public Bytes code(Bytes32 codeHash) {
    return state.code(codeHash);
  }

  @Override
  public boolean hasStorage(org.ailedger.evm.state.Address address) {
    return state.hasStorage(toNode(address));
  }

  static Address toNode(org.ailedger.evm.state.Address address) {
    return new Address(address.bytes());
  }
}

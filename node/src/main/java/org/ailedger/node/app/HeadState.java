package org.ailedger.node.app;

import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.state.Account;
import org.ailedger.node.state.WorldStateReader;
import org.ailedger.node.txpool.SenderStateView;
import org.ailedger.precompiles.SlotStore;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/** The state of the current head, as the pool sees senders and as views read contracts. */
final class HeadState implements SenderStateView {
  private final ChainReader chain;
  private final WorldStateReader state;
  private final LedgerBindings bindings;

  HeadState(ChainReader chain, WorldStateReader state, LedgerBindings bindings) {
    this.chain = chain;
    this.state = state;
    this.bindings = bindings;
  }

  @Override
  public long nonce(Address sender) {
    return account(sender).nonce();
  }

  @Override
  public UInt256 balance(Address sender) {
    return account(sender).balance();
  }

  @Override
  public boolean isPermitted(Address sender) {
    return bindings.isAccountAllowed(slotsAt(chain.head().stateRoot()), sender);
  }

  private Account account(Address address) {
    return state.account(chain.head().stateRoot(), address).orElse(Account.EMPTY);
  }

  /** Read-only slots of a committed state; writing to them is a bug. */
  SlotStore slotsAt(Bytes32 root) {
    return new SlotStore() {
      @Override
      public Bytes32 load(Address contract, Bytes32 slot) {
        return state.storageAt(root, contract, slot);
      }

      @Override
      public void store(Address contract, Bytes32 slot, Bytes32 value) {
        throw new IllegalStateException("committed state is read-only");
      }
    };
  }
}

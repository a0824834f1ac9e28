package org.ailedger.node.state;

import java.util.Map;
import java.util.function.Predicate;
import org.ailedger.evm.state.AccountChange;
import org.ailedger.evm.state.ChangeSet;
import org.ailedger.types.Address;
import org.apache.tuweni.units.bigints.UInt256;

/** Writes what one EVM transaction changed into the block's state, new code included. */
public final class ChangeSetWriter {
  private ChangeSetWriter() {}

  /**
   * @param undeletable accounts never to delete: the native contracts hold their storage in
   *     accounts without code, nonce or balance, which EIP-161 would take for empty ones and delete
   *     once an EVM call touched them
   */
  public static void apply(
      ChangeSet changes, MutableWorldState state, Predicate<Address> undeletable) {
    for (AccountChange change : changes.accounts()) {
      Address address = EvmStateReader.toNode(change.address());
      if (change.deleted()) {
        if (!undeletable.test(address)) {
          state.deleteAccount(address);
        }
        continue;
      }
      if (change.storageCleared()) {
        state.clearStorage(address);
      }
      change.newCode().ifPresent(code -> state.putCode(change.codeHash(), code));
      // the storage root is recomputed from the written slots when the block commits
      Account before = state.account(address);
      state.setAccount(
          address,
          new Account(change.nonce(), change.balance(), before.storageRoot(), change.codeHash()));
      for (Map.Entry<UInt256, UInt256> slot : change.storage().entrySet()) {
        state.store(address, slot.getKey().toBytes(), slot.getValue().toBytes());
      }
    }
  }
}

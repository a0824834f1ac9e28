package org.ailedger.node.state;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ailedger.node.state.trie.SecureMerklePatriciaTrie;
import org.ailedger.node.state.trie.TrieNodeLoader;
import org.ailedger.precompiles.SlotStore;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * A world state being changed by the execution of one block. Changes stay in memory until {@link
 * #commit()} computes the new root and hands back the trie nodes to persist. Not thread-safe: one
 * block is executed by one thread.
 */
public final class MutableWorldState implements SlotStore {
  private final TrieNodeLoader loader;
  private final SecureMerklePatriciaTrie accounts;
  private final Map<Address, Account> dirtyAccounts = new LinkedHashMap<>();
  private final Map<Address, Map<Bytes32, Bytes32>> dirtySlots = new LinkedHashMap<>();
  private final Map<Address, SecureMerklePatriciaTrie> storageTries = new HashMap<>();

  MutableWorldState(TrieNodeLoader loader, Bytes32 root) {
    this.loader = loader;
    this.accounts = new SecureMerklePatriciaTrie(loader, root);
  }

  public Account account(Address address) {
    Account dirty = dirtyAccounts.get(address);
    if (dirty != null) {
      return dirty;
    }
    return accounts.get(address.bytes()).map(AccountCodec::decode).orElse(Account.EMPTY);
  }

  public void setAccount(Address address, Account account) {
    dirtyAccounts.put(address, account);
  }

  public void incrementNonce(Address address) {
    Account a = account(address);
    setAccount(address, new Account(a.nonce() + 1, a.balance(), a.storageRoot(), a.codeHash()));
  }

  public void addBalance(Address address, UInt256 amount) {
    if (amount.isZero()) {
      return;
    }
    Account a = account(address);
    setAccount(
        address, new Account(a.nonce(), a.balance().add(amount), a.storageRoot(), a.codeHash()));
  }

  /**
   * @throws IllegalStateException if the balance is short; callers check affordability first
   */
  public void subtractBalance(Address address, UInt256 amount) {
    if (amount.isZero()) {
      return;
    }
    Account a = account(address);
    if (a.balance().compareTo(amount) < 0) {
      throw new IllegalStateException("balance of " + address + " is below " + amount);
    }
    setAccount(
        address,
        new Account(a.nonce(), a.balance().subtract(amount), a.storageRoot(), a.codeHash()));
  }

  @Override
  public Bytes32 load(Address contract, Bytes32 slot) {
    Map<Bytes32, Bytes32> dirty = dirtySlots.get(contract);
    if (dirty != null && dirty.containsKey(slot)) {
      return dirty.get(slot);
    }
    return storageTrie(contract).get(slot).map(AccountCodec::decodeSlotValue).orElse(Bytes32.ZERO);
  }

  @Override
  public void store(Address contract, Bytes32 slot, Bytes32 value) {
    dirtySlots.computeIfAbsent(contract, c -> new LinkedHashMap<>()).put(slot, value);
  }

  /** Applies every change to the tries and returns the new root with the nodes to store. */
  public StateCommit commit() {
    Map<Bytes32, Bytes> nodes = new HashMap<>();
    for (Map.Entry<Address, Map<Bytes32, Bytes32>> contract : dirtySlots.entrySet()) {
      SecureMerklePatriciaTrie trie = storageTrie(contract.getKey());
      for (Map.Entry<Bytes32, Bytes32> slot : contract.getValue().entrySet()) {
        if (slot.getValue().isZero()) {
          trie.remove(slot.getKey());
        } else {
          trie.put(slot.getKey(), AccountCodec.encodeSlotValue(slot.getValue()));
        }
      }
      trie.commit(nodes::put);
      Account a = account(contract.getKey());
      setAccount(
          contract.getKey(), new Account(a.nonce(), a.balance(), trie.rootHash(), a.codeHash()));
    }
    dirtySlots.clear();
    for (Map.Entry<Address, Account> entry : dirtyAccounts.entrySet()) {
      accounts.put(entry.getKey().bytes(), AccountCodec.encode(entry.getValue()));
    }
    dirtyAccounts.clear();
    accounts.commit(nodes::put);
    return new StateCommit(accounts.rootHash(), nodes);
  }

  private SecureMerklePatriciaTrie storageTrie(Address contract) {
    return storageTries.computeIfAbsent(
        contract,
        c -> {
          Account a =
              dirtyAccounts.containsKey(c)
                  ? dirtyAccounts.get(c)
                  : accounts.get(c.bytes()).map(AccountCodec::decode).orElse(Account.EMPTY);
          return new SecureMerklePatriciaTrie(loader, a.storageRoot());
        });
  }
}

package org.ailedger.node.state;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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
  private final Function<Bytes32, Optional<Bytes>> storedCode;
  private final SecureMerklePatriciaTrie accounts;
  // a null value marks an account deleted in this block
  private final Map<Address, Account> dirtyAccounts = new LinkedHashMap<>();
  private final Map<Address, Map<Bytes32, Bytes32>> dirtySlots = new LinkedHashMap<>();
  private final Map<Address, SecureMerklePatriciaTrie> storageTries = new HashMap<>();
  private Map<Bytes32, Bytes> newCode = new HashMap<>();

  MutableWorldState(
      TrieNodeLoader loader, Function<Bytes32, Optional<Bytes>> storedCode, Bytes32 root) {
    this.loader = loader;
    this.storedCode = storedCode;
    this.accounts = new SecureMerklePatriciaTrie(loader, root);
  }

  public Account account(Address address) {
    return existing(address).orElse(Account.EMPTY);
  }

  /** The account, or empty when it does not exist (never created, or deleted in this block). */
  public Optional<Account> existing(Address address) {
    if (dirtyAccounts.containsKey(address)) {
      return Optional.ofNullable(dirtyAccounts.get(address));
    }
    return accounts.get(address.bytes()).map(AccountCodec::decode);
  }

  /**
   * Removes the account and its storage (EIP-161 clean-up, a self-destruct in its creating
   * transaction).
   */
  public void deleteAccount(Address address) {
    dirtyAccounts.put(address, null);
    dirtySlots.remove(address);
    storageTries.put(address, new SecureMerklePatriciaTrie(loader, Account.EMPTY_TRIE_ROOT));
  }

  /** Drops every storage slot of the account; slots stored afterwards start from empty. */
  public void clearStorage(Address address) {
    storageTries.put(address, new SecureMerklePatriciaTrie(loader, Account.EMPTY_TRIE_ROOT));
    // an empty entry makes the commit write the empty root into the account
    dirtySlots.put(address, new LinkedHashMap<>());
  }

  /**
   * Whether the account has a non-zero slot, counting this block's writes. Decided on the storage
   * trie with the pending writes applied: a block may have zeroed every committed slot.
   */
  public boolean hasStorage(Address address) {
    SecureMerklePatriciaTrie trie = storageTrie(address);
    Map<Bytes32, Bytes32> pending = dirtySlots.get(address);
    if (pending != null) {
      applySlots(trie, pending);
      pending.clear();
    }
    return !trie.rootHash().equals(Account.EMPTY_TRIE_ROOT);
  }

  /** Code by its hash: deployed in this state since the last commit, or stored before. */
  public Bytes code(Bytes32 codeHash) {
    if (codeHash.equals(Account.EMPTY_CODE_HASH)) {
      return Bytes.EMPTY;
    }
    Bytes fresh = newCode.get(codeHash);
    if (fresh != null) {
      return fresh;
    }
    return storedCode
        .apply(codeHash)
        .orElseThrow(() -> new IllegalStateException("code " + codeHash + " is not stored"));
  }

  /** Keeps {@code code} under its hash until the commit hands it to storage. */
  public void putCode(Bytes32 codeHash, Bytes code) {
    if (!codeHash.equals(Account.EMPTY_CODE_HASH)) {
      newCode.put(codeHash, code);
    }
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
      applySlots(trie, contract.getValue());
      trie.commit(nodes::put);
      Account a = account(contract.getKey());
      setAccount(
          contract.getKey(), new Account(a.nonce(), a.balance(), trie.rootHash(), a.codeHash()));
    }
    dirtySlots.clear();
    for (Map.Entry<Address, Account> entry : dirtyAccounts.entrySet()) {
      if (entry.getValue() == null) {
        accounts.remove(entry.getKey().bytes());
      } else {
        accounts.put(entry.getKey().bytes(), AccountCodec.encode(entry.getValue()));
      }
    }
    dirtyAccounts.clear();
    accounts.commit(nodes::put);
    Map<Bytes32, Bytes> code = newCode;
    newCode = new HashMap<>();
    return new StateCommit(accounts.rootHash(), nodes, code);
  }

  private static void applySlots(SecureMerklePatriciaTrie trie, Map<Bytes32, Bytes32> slots) {
    for (Map.Entry<Bytes32, Bytes32> slot : slots.entrySet()) {
      if (slot.getValue().isZero()) {
        trie.remove(slot.getKey());
      } else {
        trie.put(slot.getKey(), AccountCodec.encodeSlotValue(slot.getValue()));
      }
    }
  }

  private SecureMerklePatriciaTrie storageTrie(Address contract) {
    return storageTries.computeIfAbsent(
        contract, c -> new SecureMerklePatriciaTrie(loader, account(c).storageRoot()));
  }
}

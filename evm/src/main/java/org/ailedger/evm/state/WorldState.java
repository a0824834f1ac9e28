package org.ailedger.evm.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ailedger.evm.hash.Keccak256;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * The journaled in-memory state of one block over a read-only {@link StateReader}: the EVM reads
 * and writes here, reverts a frame with {@link #revertTo}, ends each transaction with {@link
 * #endTransaction} (EIP-6780 destruction, EIP-161 removal of touched empty accounts) and hands the
 * block's writes back as a {@link ChangeSet}. Not thread-safe: one block executes on one thread.
 */
public final class WorldState {
  private final StateReader reader;
  private final Journal journal = new Journal();
  private final Substate substate = new Substate(journal);
  private final Map<Address, AccountEntry> accounts = new LinkedHashMap<>();

  /** Slot values at the start of the current transaction (EIP-2200), recorded before a write. */
  private final Map<SlotKey, UInt256> originals = new HashMap<>();

  public WorldState(StateReader reader) {
    this.reader = reader;
  }

  public Substate substate() {
    return substate;
  }

  public int snapshot() {
    return journal.snapshot();
  }

  public void revertTo(int snapshot) {
    journal.revertTo(snapshot);
  }

  public boolean exists(Address address) {
    return entry(address).exists;
  }

  /** Empty per EIP-161: no nonce, balance or code (an absent account counts as empty too). */
  public boolean isEmpty(Address address) {
    return entry(address).isEmpty();
  }

  /** Absent or empty: such an account costs a new-account charge and has code hash zero. */
  public boolean isDead(Address address) {
    AccountEntry e = entry(address);
    return !e.exists || e.isEmpty();
  }

  public long nonce(Address address) {
    return entry(address).nonce;
  }

  public void setNonce(Address address, long nonce) {
    AccountEntry e = ensureExists(address);
    long old = e.nonce;
    e.nonce = nonce;
    e.changed = true;
    journal.record(() -> e.nonce = old);
    substate.touch(address);
  }

  public UInt256 balance(Address address) {
    return entry(address).balance;
  }

  /** Credits the account, creating it if absent, and touches it even for zero (EIP-161). */
  public void addBalance(Address address, UInt256 amount) {
    AccountEntry e = ensureExists(address);
    setBalance(e, e.balance.add(amount));
    substate.touch(address);
  }

  /** Debits the account; the caller has checked the balance suffices. */
  public void subtractBalance(Address address, UInt256 amount) {
    AccountEntry e = ensureExists(address);
    if (e.balance.compareTo(amount) < 0) {
      throw new IllegalStateException("balance of " + address + " below " + amount);
    }
    setBalance(e, e.balance.subtract(amount));
    substate.touch(address);
  }

  private void setBalance(AccountEntry e, UInt256 balance) {
    UInt256 old = e.balance;
    e.balance = balance;
    e.changed = true;
    journal.record(() -> e.balance = old);
  }

  public Bytes code(Address address) {
    AccountEntry e = entry(address);
    if (e.code == null) {
      e.code = e.codeHash.equals(Keccak256.EMPTY) ? Bytes.EMPTY : reader.code(e.codeHash);
    }
    return e.code;
  }

  public Bytes32 codeHash(Address address) {
    return entry(address).codeHash;
  }

  public void setCode(Address address, Bytes code) {
    AccountEntry e = ensureExists(address);
    Bytes oldCode = e.code;
    Bytes32 oldHash = e.codeHash;
    boolean oldChanged = e.codeChanged;
    e.code = code;
    e.codeHash = Keccak256.hash(code);
    e.codeChanged = true;
    e.changed = true;
    journal.record(
        () -> {
          e.code = oldCode;
          e.codeHash = oldHash;
          e.codeChanged = oldChanged;
        });
  }

  public UInt256 storage(Address address, UInt256 key) {
    AccountEntry e = entry(address);
    UInt256 value = e.written.get(key);
    if (value != null) {
      return value;
    }
    if (e.storageCleared || !e.exists) {
      return UInt256.ZERO;
    }
    return e.committed.computeIfAbsent(key, k -> reader.storage(address, k));
  }

  /** The slot's value when the current transaction started. */
  public UInt256 originalStorage(Address address, UInt256 key) {
    UInt256 original = originals.get(new SlotKey(address, key));
    return original != null ? original : storage(address, key);
  }

  public void setStorage(Address address, UInt256 key, UInt256 value) {
    originals.putIfAbsent(new SlotKey(address, key), storage(address, key));
    AccountEntry e = ensureExists(address);
    UInt256 old = e.written.put(key, value);
    e.changed = true;
    journal.record(
        () -> {
          if (old == null) {
            e.written.remove(key);
          } else {
            e.written.put(key, old);
          }
        });
  }

  /**
   * Whether a contract cannot be created at the address: it has a nonce, code or storage (EIP-684,
   * EIP-7610).
   */
  public boolean hasCollision(Address address) {
    AccountEntry e = entry(address);
    if (e.nonce != 0 || !e.codeHash.equals(Keccak256.EMPTY)) {
      return true;
    }
    if (e.written.values().stream().anyMatch(v -> !v.isZero())) {
      return true;
    }
    return e.exists && !e.storageCleared && reader.hasStorage(address);
  }

  /**
   * Makes the account a fresh contract account for CREATE: its balance stays, nonce, code and
   * storage start empty, and it counts as created in this transaction (EIP-6780).
   */
  public void createAccount(Address address) {
    AccountEntry e = entry(address);
    restoreOnRevert(e);
    e.exists = true;
    e.nonce = 0;
    e.code = Bytes.EMPTY;
    e.codeHash = Keccak256.EMPTY;
    e.storageCleared = true;
    e.written.clear();
    e.changed = true;
    substate.markCreated(address);
    substate.touch(address);
  }

  /**
   * SELFDESTRUCT per EIP-6780: the balance goes to the beneficiary now; the account itself is
   * deleted at the end of the transaction only if it was created in it.
   */
  public void selfDestruct(Address address, Address beneficiary) {
    UInt256 balance = balance(address);
    boolean created = substate.wasCreated(address);
    if (!address.equals(beneficiary)) {
      addBalance(beneficiary, balance);
      subtractBalance(address, balance);
    } else if (created) {
      // the balance is burnt with the account
      subtractBalance(address, balance);
    }
    if (created) {
      substate.markDestructed(address);
    }
  }

  /**
   * Closes the transaction: destroys the self-destructed accounts and the touched empty ones, and
   * forgets the journal, access sets, transient storage, logs and refund.
   */
  public void endTransaction() {
    for (Address address : substate.destructed()) {
      delete(address);
    }
    for (Address address : substate.touched()) {
      AccountEntry e = entry(address);
      if (e.exists && e.isEmpty()) {
        delete(address);
      }
    }
    substate.clear();
    originals.clear();
    journal.clear();
  }

  private void delete(Address address) {
    AccountEntry e = entry(address);
    e.exists = false;
    e.deleted = true;
    e.nonce = 0;
    e.balance = UInt256.ZERO;
    e.code = Bytes.EMPTY;
    e.codeHash = Keccak256.EMPTY;
    e.codeChanged = false;
    e.storageCleared = true;
    e.written.clear();
    e.changed = true;
  }

  /** The block's writes so far, one entry per changed account. */
  public ChangeSet changeSet() {
    List<AccountChange> changes = new ArrayList<>();
    for (Map.Entry<Address, AccountEntry> entry : accounts.entrySet()) {
      AccountEntry e = entry.getValue();
      if (!e.changed) {
        continue;
      }
      changes.add(
          new AccountChange(
              entry.getKey(),
              !e.exists,
              e.nonce,
              e.balance,
              e.codeHash,
              e.codeChanged ? Optional.of(e.code) : Optional.empty(),
              e.storageCleared,
              e.written));
    }
    return new ChangeSet(changes);
  }

  private AccountEntry ensureExists(Address address) {
    AccountEntry e = entry(address);
    if (!e.exists) {
      restoreOnRevert(e);
      e.exists = true;
      e.changed = true;
    }
    return e;
  }

  /** Journals the whole account, for the rare changes that replace more than one field. */
  private void restoreOnRevert(AccountEntry e) {
    boolean exists = e.exists;
    long nonce = e.nonce;
    UInt256 balance = e.balance;
    Bytes code = e.code;
    Bytes32 codeHash = e.codeHash;
    boolean codeChanged = e.codeChanged;
    boolean storageCleared = e.storageCleared;
    Map<UInt256, UInt256> written = new HashMap<>(e.written);
    journal.record(
        () -> {
          e.exists = exists;
          e.nonce = nonce;
          e.balance = balance;
          e.code = code;
          e.codeHash = codeHash;
          e.codeChanged = codeChanged;
          e.storageCleared = storageCleared;
          e.written.clear();
          e.written.putAll(written);
        });
  }

  private AccountEntry entry(Address address) {
    AccountEntry e = accounts.get(address);
    if (e == null) {
      e = new AccountEntry();
      Optional<AccountSnapshot> snapshot = reader.account(address);
      if (snapshot.isPresent()) {
        e.exists = true;
        e.nonce = snapshot.get().nonce();
        e.balance = snapshot.get().balance();
        e.codeHash = snapshot.get().codeHash();
      }
      accounts.put(address, e);
    }
    return e;
  }
}

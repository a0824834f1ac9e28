package org.ailedger.evm.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * What lives for one transaction only: access sets (EIP-2929), transient storage (EIP-1153), logs,
 * the refund counter, accounts created, self-destructed and touched. Every change is journaled with
 * the world state, so a reverted frame takes its share back.
 */
public final class Substate {
  private final Journal journal;
  private final Set<Address> warmAddresses = new HashSet<>();
  private final Set<SlotKey> warmSlots = new HashSet<>();
  private final Map<SlotKey, UInt256> transientStorage = new HashMap<>();
  private final List<Log> logs = new ArrayList<>();
  private final Set<Address> created = new HashSet<>();
  private final Set<Address> destructed = new LinkedHashSet<>();
  private final Set<Address> touched = new LinkedHashSet<>();
  private long refund;

  Substate(Journal journal) {
    this.journal = journal;
  }

  /**
   * Warms the address; returns whether it was cold before (so the caller charges the cold cost).
   */
  public boolean warm(Address address) {
    if (warmAddresses.add(address)) {
      journal.record(() -> warmAddresses.remove(address));
      return true;
    }
    return false;
  }

  public boolean isWarm(Address address) {
    return warmAddresses.contains(address);
  }

  /** Warms the slot; returns whether it was cold before. */
  public boolean warm(Address address, UInt256 key) {
    SlotKey slot = new SlotKey(address, key);
    if (warmSlots.add(slot)) {
      journal.record(() -> warmSlots.remove(slot));
      return true;
    }
    return false;
  }

  public UInt256 transientValue(Address address, UInt256 key) {
    return transientStorage.getOrDefault(new SlotKey(address, key), UInt256.ZERO);
  }

  public void setTransientValue(Address address, UInt256 key, UInt256 value) {
    SlotKey slot = new SlotKey(address, key);
    UInt256 old = transientStorage.put(slot, value);
    journal.record(
        () -> {
          if (old == null) {
            transientStorage.remove(slot);
          } else {
            transientStorage.put(slot, old);
          }
        });
  }

  public void addLog(Log log) {
    logs.add(log);
    journal.record(() -> logs.remove(logs.size() - 1));
  }

  public List<Log> logs() {
    return List.copyOf(logs);
  }

  public void addRefund(long delta) {
    refund += delta;
    journal.record(() -> refund -= delta);
  }

  public long refund() {
    return refund;
  }

  void markCreated(Address address) {
    if (created.add(address)) {
      journal.record(() -> created.remove(address));
    }
  }

  /**
   * Whether the account was created in this transaction (EIP-6780 lets only those be destroyed).
   */
  public boolean wasCreated(Address address) {
    return created.contains(address);
  }

  void markDestructed(Address address) {
    if (destructed.add(address)) {
      journal.record(() -> destructed.remove(address));
    }
  }

  Set<Address> destructed() {
    return destructed;
  }

  void touch(Address address) {
    if (touched.add(address)) {
      journal.record(() -> touched.remove(address));
    }
  }

  Set<Address> touched() {
    return touched;
  }

  void clear() {
    warmAddresses.clear();
    warmSlots.clear();
    transientStorage.clear();
    logs.clear();
    created.clear();
    destructed.clear();
    touched.clear();
    refund = 0;
  }
}

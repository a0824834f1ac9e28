package org.ailedger.precompiles.execution;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ailedger.precompiles.NativeContracts;
import org.ailedger.precompiles.SlotStore;
import org.ailedger.precompiles.gas.GasMeter;
import org.ailedger.precompiles.gas.GasSchedule;
import org.ailedger.types.Address;
import org.ailedger.types.Log;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * What one call has done so far, over every contract it reached: slot writes and logs held back
 * from the {@link SlotStore} until the call succeeds, the slots it has touched (for warm reads),
 * and the gas it has spent. Every charge happens before the effect it pays for, so running out of
 * gas never leaves a half-applied operation even inside the buffer.
 */
final class CallBuffer {
  private record SlotKey(Address contract, Bytes32 slot) {}

  private final SlotStore store;
  private final NativeContracts contracts;
  private final GasSchedule schedule;
  private final GasMeter meter;
  private final Map<SlotKey, Bytes32> writes = new LinkedHashMap<>();
  private final Set<SlotKey> warm = new HashSet<>();
  private final List<Log> logs = new ArrayList<>();

  CallBuffer(SlotStore store, NativeContracts contracts, GasSchedule schedule, GasMeter meter) {
    this.store = store;
    this.contracts = contracts;
    this.schedule = schedule;
    this.meter = meter;
  }

  GasMeter meter() {
    return meter;
  }

  NativeContracts contracts() {
    return contracts;
  }

  Bytes32 load(Address contract, Bytes32 slot) {
    SlotKey key = new SlotKey(contract, slot);
    meter.charge(warm.contains(key) ? schedule.slotReadWarm() : schedule.slotReadCold());
    warm.add(key);
    return current(key);
  }

  void store(Address contract, Bytes32 slot, Bytes32 value) {
    if (value == null) {
      throw new IllegalArgumentException("slot value must not be null; store ZERO to clear");
    }
    SlotKey key = new SlotKey(contract, slot);
    boolean grows = current(key).isZero() && !value.isZero();
    meter.charge(grows ? schedule.slotWriteNew() : schedule.slotWriteUpdate());
    warm.add(key);
    writes.put(key, value.copy());
  }

  void emit(Address contract, List<Bytes32> topics, Bytes data) {
    if (topics.size() > Log.MAX_TOPICS) {
      throw new IllegalArgumentException("a log has at most 4 topics, got " + topics.size());
    }
    meter.charge(schedule.logCost(topics.size(), data.size()));
    logs.add(new Log(contract, topics, data));
  }

  /** Writes every buffered slot to the store, in the order the call wrote them. */
  void flush() {
    writes.forEach(
        (key, value) -> underlying(() -> store.store(key.contract(), key.slot(), value)));
  }

  List<Log> logs() {
    return List.copyOf(logs);
  }

  private Bytes32 current(SlotKey key) {
    Bytes32 pending = writes.get(key);
    if (pending != null) {
      return pending;
    }
    Bytes32[] loaded = new Bytes32[1];
    underlying(() -> loaded[0] = store.load(key.contract(), key.slot()));
    return loaded[0] == null ? Bytes32.ZERO : loaded[0];
  }

  /**
   * Runs a store access and marks its failures as the store's, so the executor rethrows them
   * instead of mistaking them for a contract bug: a failing disk must stop the node, not become a
   * revert that other validators would not see.
   */
  private static void underlying(Runnable access) {
    try {
      access.run();
    } catch (RuntimeException failure) {
      throw new SlotStoreFailure(failure);
    }
  }

  /** A failure of the underlying {@link SlotStore}, carried to the executor unchanged. */
  static final class SlotStoreFailure extends RuntimeException {
    SlotStoreFailure(RuntimeException cause) {
      super(cause.getMessage(), cause, false, false);
    }

    RuntimeException failure() {
      return (RuntimeException) getCause();
    }
  }
}

package org.ailedger.precompiles;

import java.util.List;
import org.ailedger.precompiles.gas.GasMeter;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Everything a native contract sees while it handles one call: its own slots, a way to emit logs,
 * the call context and the gas meter. Slot reads and writes and logs are charged to the meter and
 * buffered by the executor, which keeps them only if the whole call succeeds.
 *
 * <p>A contract reaches another native contract's state with {@link #contract}: same buffer, same
 * meter, so a call that spans contracts commits or reverts as one. The other contract sees this
 * contract as its caller, with zero value, as it would for an EVM {@code CALL}; that is how
 * Permissions recognises the governor when the governor executes a proposal.
 */
public interface ContractState extends ContractStorage {
  /** The address of the contract this state belongs to; logs carry it. */
  Address address();

  /** Caller, value, block and chain of the call as this contract sees it. */
  CallContext context();

  /** The meter the whole call is charged to. */
  GasMeter gas();

  /**
   * Emits a log from this contract: at most {@link org.ailedger.types.Log#MAX_TOPICS} topics and
   * opaque data, charged per log, per topic and per data byte.
   */
  void emit(List<Bytes32> topics, Bytes data);

  /**
   * The state of the native contract at {@code other} within the same call, or this state if {@code
   * other} is this contract.
   *
   * @throws IllegalArgumentException if no native contract lives at {@code other}
   */
  ContractState contract(Address other);
}

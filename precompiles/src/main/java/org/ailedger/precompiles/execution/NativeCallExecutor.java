package org.ailedger.precompiles.execution;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.ailedger.precompiles.CallContext;
import org.ailedger.precompiles.CallOutcome;
import org.ailedger.precompiles.ContractRevert;
import org.ailedger.precompiles.NativeContract;
import org.ailedger.precompiles.NativeContracts;
import org.ailedger.precompiles.SlotStore;
import org.ailedger.precompiles.abi.RevertData;
import org.ailedger.precompiles.gas.GasMeter;
import org.ailedger.precompiles.gas.GasSchedule;
import org.ailedger.precompiles.gas.OutOfGas;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;

/**
 * Runs one call to a native contract as a unit: every slot write and log is buffered and reaches
 * the {@link SlotStore} only if the call succeeds.
 *
 * <ul>
 *   <li>success: writes flushed, logs returned, gas used as metered;
 *   <li>revert ({@link ContractRevert}): nothing kept, output is {@code Error(string)} with the
 *       reason, gas used up to the revert;
 *   <li>out of gas: nothing kept, empty output, the whole gas limit used;
 *   <li>a contract bug (any other {@link RuntimeException}): treated like an EVM exceptional halt,
 *       nothing kept, the whole gas limit used, reason "internal error in &lt;name&gt;", and the
 *       exception handed to the bug listener so the node can log it. The result is the same on
 *       every validator, so a bug cannot split the chain or stall block production.
 * </ul>
 *
 * Failures of the {@link SlotStore} itself are not the call's fault and propagate unchanged.
 */
public final class NativeCallExecutor {
  private static final String OUT_OF_GAS = "out of gas";

  private final NativeContracts contracts;
  private final GasSchedule schedule;
  private final Consumer<RuntimeException> bugListener;

  public NativeCallExecutor(
      NativeContracts contracts, GasSchedule schedule, Consumer<RuntimeException> bugListener) {
    if (contracts == null || schedule == null || bugListener == null) {
      throw new IllegalArgumentException("contracts, schedule and bug listener are required");
    }
    this.contracts = contracts;
    this.schedule = schedule;
    this.bugListener = bugListener;
  }

  public NativeCallExecutor(NativeContracts contracts, GasSchedule schedule) {
    this(contracts, schedule, bug -> {});
  }

  /**
   * @throws IllegalArgumentException if no native contract lives at {@code to}: deciding what a
   *     call to a plain account does is the node's business
   */
  public CallOutcome execute(Address to, CallContext context, Bytes input, SlotStore store) {
    NativeContract contract =
        contracts
            .at(to)
            .orElseThrow(() -> new IllegalArgumentException("no native contract at " + to));
    GasMeter meter = new GasMeter(context.gasLimit());
    CallBuffer buffer = new CallBuffer(store, contracts, schedule, meter);
    try {
      meter.charge(schedule.callBase());
      Bytes output = contract.call(new BufferedContractState(buffer, to, context), input);
      buffer.flush();
      return new CallOutcome(true, output, meter.used(), buffer.logs(), Optional.empty());
    } catch (CallBuffer.SlotStoreFailure failure) {
      throw failure.failure();
    } catch (ContractRevert revert) {
      return failed(RevertData.encode(revert.reason()), meter.used(), revert.reason());
    } catch (OutOfGas outOfGas) {
      return failed(Bytes.EMPTY, context.gasLimit(), OUT_OF_GAS);
    } catch (RuntimeException bug) {
      bugListener.accept(bug);
      return failed(Bytes.EMPTY, context.gasLimit(), "internal error in " + contract.name());
    }
  }

  private static CallOutcome failed(Bytes output, long gasUsed, String reason) {
    return new CallOutcome(false, output, gasUsed, List.of(), Optional.of(reason));
  }
}

package org.ailedger.node.execution;

import java.util.Optional;
import org.ailedger.precompiles.CallOutcome;

/**
 * The outcome of a call run without committing, and the gas the same call would need as a
 * transaction (intrinsic cost plus execution).
 *
 * @param halt why EVM code stopped exceptionally (out of gas, invalid opcode, …): a failure that is
 *     not a revert, so it has no revert data to hand back
 */
public record Simulation(CallOutcome outcome, long intrinsicGas, Optional<String> halt) {
  public Simulation {
    if (outcome == null || halt == null) {
      throw new IllegalArgumentException("simulation fields must not be null");
    }
    if (halt.isPresent() && outcome.success()) {
      throw new IllegalArgumentException("a successful call did not halt");
    }
  }

  /** A simulation that succeeded or reverted. */
  public Simulation(CallOutcome outcome, long intrinsicGas) {
    this(outcome, intrinsicGas, Optional.empty());
  }

  public long totalGas() {
    return intrinsicGas + outcome.gasUsed();
  }
}

package org.ailedger.node.execution;

import org.ailedger.precompiles.CallOutcome;

/**
 * The outcome of a call run without committing, and the gas the same call would need as a
 * transaction (intrinsic cost plus execution).
 */
public record Simulation(CallOutcome outcome, long intrinsicGas) {
  public long totalGas() {
    return intrinsicGas + outcome.gasUsed();
  }
}

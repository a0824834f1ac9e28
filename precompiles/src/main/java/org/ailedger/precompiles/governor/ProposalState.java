package org.ailedger.precompiles.governor;

import java.util.Locale;

/**
 * Where a proposal stands at a block, with the codes {@code state(uint256)} answers (fixed by the
 * product design). See {@link Proposal#stateAt} for how a proposal moves between them.
 */
public enum ProposalState {
  PENDING(0),
  ACTIVE(1),
  CANCELED(2),
  DEFEATED(3),
  /** Passed and past its timelock: anyone may execute it until it expires. */
  SUCCEEDED(4),
  /** Passed, waiting for its timelock to end. */
  QUEUED(5),
  /** Passed, but nobody executed it within the grace period. */
  EXPIRED(6),
  EXECUTED(7);

  private final int code;

  ProposalState(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** E.g. "Succeeded", for revert reasons. */
  public String label() {
    String name = name();
    return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
  }
}

package org.ailedger.precompiles.model;

/**
 * What became of a contributor's update in a round; {@link #code()} is the {@code uint8} {@code
 * getUpdate} returns.
 */
public enum UpdateStatus {
  /** The contributor submitted nothing to the round. */
  NONE,
  /** Submitted; the round is not finalized yet. */
  SUBMITTED,
  /** Part of the aggregate; rewarded by weight. */
  ACCEPTED,
  /** Left out of the aggregate when the round was finalized. */
  REJECTED;

  public int code() {
    return ordinal();
  }

  /**
   * @throws IllegalStateException for a code no version of the registry writes
   */
  static UpdateStatus fromCode(long code) {
    if (code < 0 || code >= values().length) {
      throw new IllegalStateException("corrupt update status " + code);
    }
    return values()[(int) code];
  }
}

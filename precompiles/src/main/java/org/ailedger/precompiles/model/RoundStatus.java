package org.ailedger.precompiles.model;

/** Where a training round stands; {@link #code()} is the {@code uint8} {@code getRound} returns. */
public enum RoundStatus {
  /** Never opened. */
  NONE,
  /** Accepting updates until its deadline; awaiting finalization. */
  OPEN,
  /** Aggregated and rewarded; nothing about it changes any more. */
  FINALIZED;

  public int code() {
    return ordinal();
  }

  /**
   * @throws IllegalStateException for a code no version of the registry writes
   */
  static RoundStatus fromCode(long code) {
    if (code < 0 || code >= values().length) {
      throw new IllegalStateException("corrupt round status " + code);
    }
    return values()[(int) code];
  }
}

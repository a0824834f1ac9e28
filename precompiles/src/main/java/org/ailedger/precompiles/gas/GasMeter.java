package org.ailedger.precompiles.gas;

/**
 * Counts the gas one call spends against its limit. One meter is shared by every contract a call
 * reaches, so a contract asking another for data pays from the same budget.
 */
public final class GasMeter {
  private final long limit;
  private long used;

  public GasMeter(long limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("gas limit < 0: " + limit);
    }
    this.limit = limit;
  }

  /**
   * Spends {@code gas}, or throws {@link OutOfGas} and spends nothing if less than that is left.
   */
  public void charge(long gas) {
    if (gas < 0) {
      throw new IllegalArgumentException("cannot charge negative gas: " + gas);
    }
    long remaining = remaining();
    if (gas > remaining) {
      throw new OutOfGas(gas, remaining);
    }
    used += gas;
  }

  public long limit() {
    return limit;
  }

  public long used() {
    return used;
  }

  public long remaining() {
    return limit - used;
  }
}

package org.ailedger.precompiles.gas;

/**
 * Thrown by {@link GasMeter#charge} when a call needs more gas than it has left. The executor turns
 * it into a failed call that consumes the whole gas limit and keeps nothing, as the EVM does;
 * contracts must let it propagate.
 */
public final class OutOfGas extends RuntimeException {
  private final long needed;
  private final long remaining;

  public OutOfGas(long needed, long remaining) {
    super("out of gas: needed " + needed + ", " + remaining + " left", null, false, false);
    this.needed = needed;
    this.remaining = remaining;
  }

  public long needed() {
    return needed;
  }

  public long remaining() {
    return remaining;
  }
}

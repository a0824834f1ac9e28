package org.ailedger.node.execution;

import java.util.OptionalLong;

/**
 * The hard forks a genesis {@code config} enables, Besu-style: London by block number, Shanghai and
 * Cancun by block timestamp. The EVM implements Cancun's rules only, so it runs in a block whose
 * timestamp has reached {@code cancunTime}; before that, or with no Cancun configured, contract
 * creation and calls into code are refused.
 */
public record ForkSchedule(
    OptionalLong londonBlock, OptionalLong shanghaiTime, OptionalLong cancunTime) {
  /** No fork configured: the chain runs its native contracts and value transfers only. */
  public static final ForkSchedule NONE =
      new ForkSchedule(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());

  /** Every fork up to Cancun from block 0, as the devnet runs. */
  public static final ForkSchedule CANCUN_AT_GENESIS =
      new ForkSchedule(OptionalLong.of(0), OptionalLong.of(0), OptionalLong.of(0));

  public ForkSchedule {
    if (londonBlock == null || shanghaiTime == null || cancunTime == null) {
      throw new IllegalArgumentException("fork activations must not be null (use empty)");
    }
    negative("londonBlock", londonBlock);
    negative("shanghaiTime", shanghaiTime);
    negative("cancunTime", cancunTime);
    if (shanghaiTime.isPresent()
        && cancunTime.isPresent()
        && cancunTime.getAsLong() < shanghaiTime.getAsLong()) {
      throw new IllegalArgumentException("cancunTime is before shanghaiTime");
    }
  }

  private static void negative(String name, OptionalLong value) {
    if (value.isPresent() && value.getAsLong() < 0) {
      throw new IllegalArgumentException(name + " must not be negative");
    }
  }

  /** Whether any block of the chain can run the EVM (Cancun is configured at some time). */
  public boolean evmConfigured() {
    return cancunTime.isPresent();
  }

  /** Whether a block with this timestamp runs the EVM (Cancun). */
  public boolean cancunAt(long timestamp) {
    return cancunTime.isPresent() && timestamp >= cancunTime.getAsLong();
  }

  /**
   * Why the EVM does not run at {@code timestamp}; only meaningful when {@link #cancunAt} is false.
   */
  public String notActiveReason(long timestamp) {
    return cancunTime.isEmpty()
        ? "this chain's genesis enables no EVM fork (set config.cancunTime)"
        : "the EVM starts at config.cancunTime "
            + cancunTime.getAsLong()
            + ", after this block's timestamp "
            + timestamp;
  }
}

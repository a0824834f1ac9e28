package org.ailedger.cli.gov;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import org.ailedger.cli.client.JsonValues;

/**
 * A member's quadratic, capped weight worked out in the open, so a voter can check the number the
 * governor will count: {@code weight = min(isqrt(raw), cap)}, all in exact integers.
 *
 * @param raw the member's token balance at the snapshot, in base units
 * @param root the integer square root of {@code raw}, rounded down
 * @param cap the largest weight one member may have
 * @param weight {@code min(root, cap)}
 */
record VoteWeight(BigInteger raw, BigInteger root, BigInteger cap, BigInteger weight) {
  VoteWeight {
    if (raw == null
        || root == null
        || cap == null
        || weight == null
        || raw.signum() < 0
        || cap.signum() < 0) {
      throw new IllegalArgumentException("raw balance and cap are non-negative numbers");
    }
  }

  static VoteWeight of(BigInteger raw, BigInteger cap) {
    BigInteger root = raw.sqrt();
    return new VoteWeight(raw, root, cap, root.min(cap));
  }

  /** Whether the cap, not the square root, decided the weight. */
  boolean heldAtCap() {
    return root.compareTo(cap) > 0;
  }

  /**
   * Adds the raw balance (tokens and base units), square root, cap, weight and the rule applied.
   */
  ObjectNode describe(ObjectNode into) {
    return into.put("rawBalance", JsonValues.tokens(raw))
        .put("rawBalanceBaseUnits", raw.toString())
        .put("squareRoot", root.toString())
        .put("cap", cap.toString())
        .put("weight", weight.toString())
        .put("heldAtCap", heldAtCap())
        .put(
            "rule",
            "min(isqrt("
                + raw
                + "), "
                + cap
                + ") = min("
                + root
                + ", "
                + cap
                + ") = "
                + weight
                + (heldAtCap() ? ", held at the cap" : ""));
  }
}

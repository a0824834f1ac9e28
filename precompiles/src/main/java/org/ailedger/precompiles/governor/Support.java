package org.ailedger.precompiles.governor;

import java.util.Optional;
import org.apache.tuweni.units.bigints.UInt256;

/** How a member votes on a proposal; the code is what {@code castVote} takes. */
public enum Support {
  AGAINST(0),
  FOR(1),
  ABSTAIN(2);

  private final int code;

  Support(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static Optional<Support> fromCode(UInt256 code) {
    if (!code.fitsInt()) {
      return Optional.empty();
    }
    for (Support support : values()) {
      if (support.code == code.intValue()) {
        return Optional.of(support);
      }
    }
    return Optional.empty();
  }
}

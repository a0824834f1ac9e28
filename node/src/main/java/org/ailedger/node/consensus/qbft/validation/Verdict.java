package org.ailedger.node.consensus.qbft.validation;

import org.ailedger.types.Address;

/** The outcome of validating one QBFT message. */
public sealed interface Verdict {
  /** The message is valid; {@code author} is its recovered, validator author. */
  record Valid(Address author) implements Verdict {
    public Valid {
      if (author == null) {
        throw new IllegalArgumentException("a valid message has an author");
      }
    }
  }

  record Invalid(Reason reason, String detail) implements Verdict {
    public Invalid {
      if (reason == null || detail == null) {
        throw new IllegalArgumentException("an invalid verdict needs its reason");
      }
    }
  }

  default boolean isValid() {
    return this instanceof Valid;
  }

  static Verdict invalid(Reason reason, String detail) {
    return new Invalid(reason, detail);
  }
}

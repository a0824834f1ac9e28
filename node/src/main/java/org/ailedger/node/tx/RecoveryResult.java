package org.ailedger.node.tx;

import org.ailedger.types.Address;

/** What {@link SenderRecovery#recover} makes of a transaction's signature. */
public sealed interface RecoveryResult {
  record Recovered(Address sender) implements RecoveryResult {
    public Recovered {
      if (sender == null) {
        throw new IllegalArgumentException("sender is required");
      }
    }
  }

  /** Always {@link RejectionReason#INVALID_SIGNATURE}, with what is wrong. */
  record Invalid(TransactionRejection rejection) implements RecoveryResult {
    public Invalid {
      if (rejection == null) {
        throw new IllegalArgumentException("rejection is required");
      }
    }
  }
}

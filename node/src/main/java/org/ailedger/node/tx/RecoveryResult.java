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

  /** What is wrong: a bad signature, or a stateless rule when {@link StatelessChecks} ran. */
  record Invalid(TransactionRejection rejection) implements RecoveryResult {
    public Invalid {
      if (rejection == null) {
        throw new IllegalArgumentException("rejection is required");
      }
    }
  }
}

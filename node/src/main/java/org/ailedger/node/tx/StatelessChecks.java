package org.ailedger.node.tx;

import java.util.Optional;

/**
 * Everything a transaction must pass before state is consulted: the stateless rules, then the
 * recovery of its sender. The pool admits and block import accepts through this one object, so a
 * transaction a peer's block carries is held to exactly the rules a client's submission is.
 */
public final class StatelessChecks {
  private final TransactionValidator validator;
  private final SenderRecovery recovery;

  public StatelessChecks(TransactionValidator validator, SenderRecovery recovery) {
    this.validator = validator;
    this.recovery = recovery;
  }

  /** The sender, or the first rule {@code tx} breaks; the cheap rules run before recovery. */
  public RecoveryResult check(Transaction tx) {
    Optional<TransactionRejection> invalid = validator.validate(tx);
    if (invalid.isPresent()) {
      return new RecoveryResult.Invalid(invalid.get());
    }
    return recovery.recover(tx);
  }
}

package org.ailedger.node.tx;

import java.util.Optional;
import org.ailedger.types.Address;

/**
 * Everything a transaction must pass before state is consulted: the stateless rules, then the
 * recovery of its sender. The pool admits and block import accepts through this one object, so a
 * transaction a peer's block carries is held to exactly the rules a client's submission is.
 */
public final class StatelessChecks {
  private final TransactionValidator validator;
  private final SenderRecovery recovery;
  private final KnownSenders known;

  public StatelessChecks(TransactionValidator validator, SenderRecovery recovery) {
    this(validator, recovery, KnownSenders.NONE);
  }

  private StatelessChecks(
      TransactionValidator validator, SenderRecovery recovery, KnownSenders known) {
    this.validator = validator;
    this.recovery = recovery;
    this.known = known;
  }

  /**
   * The same checks, answered from {@code known} for a transaction that already passed them here: a
   * validator holds most transactions of a peer's block in its pool already, and recovering their
   * senders again would be most of the cost of checking the block.
   */
  public StatelessChecks withKnownSenders(KnownSenders known) {
    return new StatelessChecks(validator, recovery, known);
  }

  /** The sender, or the first rule {@code tx} breaks; the cheap rules run before recovery. */
  public RecoveryResult check(Transaction tx) {
    Optional<Address> sender = known.senderOf(tx.hash());
    if (sender.isPresent()) {
      return new RecoveryResult.Recovered(sender.get());
    }
    Optional<TransactionRejection> invalid = validator.validate(tx);
    if (invalid.isPresent()) {
      return new RecoveryResult.Invalid(invalid.get());
    }
    return recovery.recover(tx);
  }
}

package org.ailedger.node.tx;

/** A refusal with its reason and a sentence a person can act on. */
public record TransactionRejection(RejectionReason reason, String message) {
  public TransactionRejection {
    if (reason == null || message == null || message.isBlank()) {
      throw new IllegalArgumentException("a rejection needs a reason and a message");
    }
  }
}

package org.ailedger.node.tx;

/** What {@link TransactionDecoder#decode} makes of raw bytes: a transaction, or why not. */
public sealed interface DecodeResult {
  /** The bytes are a well-formed transaction envelope; its signature is not yet checked. */
  record Decoded(Transaction transaction) implements DecodeResult {
    public Decoded {
      if (transaction == null) {
        throw new IllegalArgumentException("transaction is required");
      }
    }
  }

  /** The bytes are refused, with the reason and which field is wrong. */
  record Invalid(TransactionRejection rejection) implements DecodeResult {
    public Invalid {
      if (rejection == null) {
        throw new IllegalArgumentException("rejection is required");
      }
    }
  }
}

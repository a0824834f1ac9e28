package org.ailedger.node.chain;

/** Why a block was not imported, as a reason a caller can act on and a sentence for the log. */
public record BlockRejection(Reason reason, String message) {

  /** Every way a block can fail import, in the order import checks them. */
  public enum Reason {
    NOT_NEXT_BLOCK,
    TIMESTAMP_TOO_EARLY,
    TIMESTAMP_IN_FUTURE,
    GAS_LIMIT_CHANGED,
    GAS_USED_ABOVE_LIMIT,
    NOT_QBFT_HEADER,
    WRONG_BASE_FEE,
    MALFORMED_EXTRA_DATA,
    INVALID_SEAL,
    SEAL_BY_NON_VALIDATOR,
    DUPLICATE_SEAL,
    TOO_FEW_SEALS,
    INVALID_TRANSACTION,
    TRANSACTION_NOT_EXECUTABLE,
    STATE_ROOT_MISMATCH,
    TRANSACTIONS_ROOT_MISMATCH,
    RECEIPTS_ROOT_MISMATCH,
    GAS_USED_MISMATCH,
    LOGS_BLOOM_MISMATCH,
    VALIDATORS_MISMATCH
  }

  public BlockRejection {
    if (reason == null || message == null || message.isBlank()) {
      throw new IllegalArgumentException("a block rejection needs a reason and a message");
    }
  }
}

package org.ailedger.node.tx;

/**
 * Unwinds a decode from deep inside nested RLP lists to {@link TransactionDecoder#decode}, which
 * turns it into a returned {@link DecodeResult.Invalid}. It never leaves the package.
 */
final class DecodingFailure extends RuntimeException {
  private final transient TransactionRejection rejection;

  DecodingFailure(RejectionReason reason, String message) {
    super(message, null, false, false); // no stack trace: this is expected input, not a bug
    this.rejection = new TransactionRejection(reason, message);
  }

  TransactionRejection rejection() {
    return rejection;
  }
}

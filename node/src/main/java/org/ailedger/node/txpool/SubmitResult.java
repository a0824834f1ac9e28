package org.ailedger.node.txpool;

import org.ailedger.node.tx.TransactionRejection;
import org.apache.tuweni.bytes.Bytes32;

/** What became of a submitted transaction. */
public sealed interface SubmitResult {
  record Accepted(Bytes32 hash) implements SubmitResult {}

  record Rejected(TransactionRejection rejection) implements SubmitResult {}
}

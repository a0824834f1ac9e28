package org.ailedger.node.execution;

import org.ailedger.node.block.TransactionReceipt;
import org.ailedger.node.tx.TransactionRejection;

/**
 * What executing one transaction did: it was included (its call may still have reverted; the
 * receipt says), or it could not be included at all and the state is untouched.
 */
public sealed interface TransactionOutcome {
  record Included(TransactionReceipt receipt, long gasUsed) implements TransactionOutcome {}

  record Excluded(TransactionRejection rejection) implements TransactionOutcome {}
}

package org.ailedger.node.execution;

import java.util.List;
import org.ailedger.node.block.LogsBloom;
import org.ailedger.node.block.TransactionReceipt;
import org.ailedger.node.state.StateCommit;
import org.ailedger.node.tx.RecoveredTransaction;
import org.ailedger.node.tx.Transaction;
import org.ailedger.node.tx.TransactionRejection;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The result of executing a list of transactions on a parent state: what was included with its
 * receipts, what had to be left out and why, and the roots a header must carry.
 */
public record ExecutedBlock(
    List<Transaction> included,
    List<TransactionReceipt> receipts,
    List<Left> leftOut,
    long gasUsed,
    StateCommit state,
    List<Address> nextValidators,
    LogsBloom logsBloom,
    Bytes32 transactionsRoot,
    Bytes32 receiptsRoot) {

  /** A candidate that could not be included. */
  public record Left(RecoveredTransaction candidate, TransactionRejection rejection) {}

  public ExecutedBlock {
    included = List.copyOf(included);
    receipts = List.copyOf(receipts);
    leftOut = List.copyOf(leftOut);
    nextValidators = List.copyOf(nextValidators);
  }
}

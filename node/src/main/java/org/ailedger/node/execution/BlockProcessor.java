package org.ailedger.node.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.ailedger.node.block.LogsBloom;
import org.ailedger.node.block.ReceiptCodec;
import org.ailedger.node.block.Roots;
import org.ailedger.node.block.TransactionReceipt;
import org.ailedger.node.state.MutableWorldState;
import org.ailedger.node.state.StateCommit;
import org.ailedger.node.state.WorldStateArchive;
import org.ailedger.node.tx.RecoveredTransaction;
import org.ailedger.node.tx.Transaction;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;

/** Executes transactions in order on the state of a parent block. Used to build and to import. */
public final class BlockProcessor {
  private final WorldStateArchive archive;
  private final TransactionProcessor processor;
  private final ValidatorSetReader validatorSet;

  public BlockProcessor(
      WorldStateArchive archive, TransactionProcessor processor, ValidatorSetReader validatorSet) {
    this.archive = archive;
    this.processor = processor;
    this.validatorSet = validatorSet;
  }

  /** Executes every candidate; what a block import does. */
  public ExecutedBlock execute(
      Bytes32 parentStateRoot, BlockContext block, List<RecoveredTransaction> candidates) {
    return execute(parentStateRoot, block, candidates, () -> false);
  }

  /**
   * Executes candidates in order until {@code timeIsUp} says so; a proposer's bound on the time a
   * block takes to build. The clock is not asked before a first transaction is included, so a block
   * never comes out empty only for want of time. Candidates after the stop are neither included nor
   * left out: they stay in the pool for the next block.
   */
  public ExecutedBlock execute(
      Bytes32 parentStateRoot,
      BlockContext block,
      List<RecoveredTransaction> candidates,
      BooleanSupplier timeIsUp) {
    MutableWorldState state = archive.mutableAt(parentStateRoot);
    List<Transaction> included = new ArrayList<>();
    List<TransactionReceipt> receipts = new ArrayList<>();
    List<ExecutedBlock.Left> leftOut = new ArrayList<>();
    long gasUsed = 0;
    LogsBloom bloom = LogsBloom.EMPTY;
    for (RecoveredTransaction candidate : candidates) {
      if (!included.isEmpty() && timeIsUp.getAsBoolean()) {
        break;
      }
      switch (processor.process(
          state, candidate.transaction(), candidate.sender(), block, gasUsed)) {
        case TransactionOutcome.Included inc -> {
          included.add(candidate.transaction());
          receipts.add(inc.receipt());
          gasUsed += inc.gasUsed();
          bloom = bloom.or(inc.receipt().bloom());
        }
        case TransactionOutcome.Excluded exc ->
            leftOut.add(new ExecutedBlock.Left(candidate, exc.rejection()));
      }
    }
    // the set this block's transactions leave behind seals the next block (DESIGN §3)
    List<Address> nextValidators = validatorSet.validators(state);
    StateCommit commit = state.commit();
    return new ExecutedBlock(
        included,
        receipts,
        leftOut,
        gasUsed,
        commit,
        nextValidators,
        bloom,
        Roots.indexedRoot(included, Transaction::encoded),
        Roots.indexedRoot(receipts, ReceiptCodec::encodeForRoot));
  }
}

package org.ailedger.node.consensus.qbft;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.block.LogsBloom;
import org.ailedger.node.block.QbftExtraData;
import org.ailedger.node.chain.BlockImporter;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.execution.BlockProcessor;
import org.ailedger.node.execution.ExecutedBlock;
import org.ailedger.node.tx.RecoveredTransaction;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Builds a block proposal on a parent: executes the candidates, fills the header with the resulting
 * roots and the next validator set, and can add this validator's committed seal.
 */
public final class BlockCreator {
  private final BlockProcessor processor;
  private final CommitSeals seals;
  private final long chainId;

  public BlockCreator(BlockProcessor processor, CommitSeals seals, long chainId) {
    this.processor = processor;
    this.seals = seals;
    this.chainId = chainId;
  }

  /** A proposal and its execution; the header carries no seal yet. */
  public record Proposal(Block block, ExecutedBlock executed) {}

  /** A proposal with every candidate that fits. */
  public Proposal propose(
      BlockHeader parent,
      List<RecoveredTransaction> candidates,
      long timestamp,
      int round,
      KeyPair proposer,
      UInt256 baseFee) {
    return propose(parent, candidates, timestamp, round, proposer, baseFee, () -> false);
  }

  /**
   * A proposal that takes candidates for at most {@code budgetNanos} of execution from now: under a
   * flood, a block that took every candidate would come out late and make the next one later still.
   */
  public Proposal proposeWithin(
      long budgetNanos,
      BlockHeader parent,
      List<RecoveredTransaction> candidates,
      long timestamp,
      int round,
      KeyPair proposer,
      UInt256 baseFee) {
    long stopAt = System.nanoTime() + budgetNanos;
    return propose(
        parent,
        candidates,
        timestamp,
        round,
        proposer,
        baseFee,
        () -> System.nanoTime() - stopAt > 0);
  }

  /**
   * A proposal that takes candidates only until {@code timeIsUp}, as {@link BlockProcessor} does.
   */
  public Proposal propose(
      BlockHeader parent,
      List<RecoveredTransaction> candidates,
      long timestamp,
      int round,
      KeyPair proposer,
      UInt256 baseFee,
      BooleanSupplier timeIsUp) {
    BlockHeader template =
        new BlockHeader(
            parent.hash(),
            BlockHeader.EMPTY_OMMERS_HASH,
            proposer.address(),
            Bytes32.ZERO,
            Bytes32.ZERO,
            Bytes32.ZERO,
            LogsBloom.EMPTY,
            UInt256.ONE,
            parent.number() + 1,
            parent.gasLimit(),
            0,
            timestamp,
            QbftExtraData.genesis(List.of(proposer.address())).encode(),
            BlockHeader.QBFT_MIX_HASH,
            0,
            baseFee);
    ExecutedBlock executed =
        processor.execute(
            parent.stateRoot(), BlockImporter.contextOf(template, chainId), candidates, timeIsUp);
    QbftExtraData extra =
        new QbftExtraData(
            Bytes32.ZERO, executed.nextValidators(), Optional.empty(), round, List.of());
    BlockHeader header =
        new BlockHeader(
            parent.hash(),
            BlockHeader.EMPTY_OMMERS_HASH,
            proposer.address(),
            executed.state().stateRoot(),
            executed.transactionsRoot(),
            executed.receiptsRoot(),
            executed.logsBloom(),
            UInt256.ONE,
            parent.number() + 1,
            parent.gasLimit(),
            executed.gasUsed(),
            timestamp,
            extra.encode(),
            BlockHeader.QBFT_MIX_HASH,
            0,
            baseFee);
    return new Proposal(new Block(header, executed.included()), executed);
  }

  /** The block with {@code validator}'s committed seal added to its extra-data. */
  public Block seal(Block block, KeyPair validator) {
    QbftExtraData extra = block.header().qbftExtraData();
    List<Bytes> withSeal = new ArrayList<>(extra.seals());
    withSeal.add(seals.seal(block.header(), validator));
    return new Block(
        block.header().withExtraData(extra.withSeals(withSeal).encode()), block.transactions());
  }
}

package org.ailedger.node.consensus.qbft.statemachine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.chain.BlockImporter;
import org.ailedger.node.chain.BlockRejection;
import org.ailedger.node.chain.BlockTimings;
import org.ailedger.node.chain.ImportResult;
import org.ailedger.node.chain.ProposalCheck;
import org.ailedger.node.consensus.qbft.BlockCreator;
import org.ailedger.node.consensus.qbft.BlockProductionLoop;
import org.ailedger.node.consensus.qbft.validation.BlockValidity;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.tx.RecoveredTransaction;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's chain as consensus uses it: builds this validator's proposals with {@link
 * BlockCreator}, checks peers' proposals with {@link BlockImporter#checkProposal}, and imports
 * committed blocks. The importer remembers each execution by block hash, which leaves out the round
 * and the seals, so a committed block (or a prepared one proposed again in a later round) is not
 * executed a second time. Used on the consensus thread only.
 */
public final class ConsensusChain implements ProposalBuilder, BlockValidity, CommittedBlockImport {
  private static final Logger LOG = LoggerFactory.getLogger(ConsensusChain.class);

  /** Where proposal candidates come from; the node passes its pool's {@code selectForBlock}. */
  @FunctionalInterface
  public interface Candidates {
    List<RecoveredTransaction> select(long gasLimit, UInt256 baseFee, int maxCount);
  }

  private final BlockImporter importer;
  private final BlockCreator creator;
  private final Candidates candidates;
  private final KeyPair key;
  private final UInt256 baseFee;
  private final ProposalBudget budget;
  private final BlockTimings timings;
  // this validator's latest proposal, to learn from the time its height took once committed
  private OwnProposal ownProposal;
  // how long this node spent executing each proposal seen at the height, for the block's log line
  private final Map<Bytes32, Long> executionMillis = new HashMap<>();

  private record OwnProposal(Bytes32 hash, long startedNanos, boolean cutShort) {}

  /**
   * @param selectionMillis how long a proposal may spend executing candidates at most, so a flood
   *     of transactions cannot make it late (the node's share of the block period); less while
   *     heights take longer than {@code periodMillis} (see {@link ProposalBudget})
   */
  public ConsensusChain(
      BlockImporter importer,
      BlockCreator creator,
      Candidates candidates,
      KeyPair key,
      UInt256 baseFee,
      long selectionMillis,
      long periodMillis) {
    this(
        importer,
        creator,
        candidates,
        key,
        baseFee,
        selectionMillis,
        periodMillis,
        BlockTimings.NONE);
  }

  public ConsensusChain(
      BlockImporter importer,
      BlockCreator creator,
      Candidates candidates,
      KeyPair key,
      UInt256 baseFee,
      long selectionMillis,
      long periodMillis,
      BlockTimings timings) {
    this.importer = importer;
    this.creator = creator;
    this.candidates = candidates;
    this.key = key;
    this.baseFee = baseFee;
    this.budget =
        new ProposalBudget(
            TimeUnit.MILLISECONDS.toNanos(selectionMillis),
            TimeUnit.MILLISECONDS.toNanos(periodMillis));
    this.timings = timings;
  }

  @Override
  public Block build(BlockHeader parent, int round, long timestampSeconds) {
    List<RecoveredTransaction> selected =
        candidates.select(
            parent.gasLimit(), baseFee, BlockProductionLoop.MAX_TRANSACTIONS_PER_BLOCK);
    long started = System.nanoTime();
    long stopAt = started + budget.nanos();
    boolean[] cutShort = {false};
    BlockCreator.Proposal proposal =
        creator.propose(
            parent,
            selected,
            timestampSeconds,
            round,
            key,
            baseFee,
            () -> cutShort[0] = System.nanoTime() - stopAt > 0);
    timings.built(System.nanoTime() - started);
    importer.remember(proposal.block(), proposal.executed());
    timed(proposal.block(), started);
    ownProposal = new OwnProposal(proposal.block().header().hash(), started, cutShort[0]);
    return proposal.block();
  }

  /** The first execution of a block is the one that counts; a later check finds it remembered. */
  private void timed(Block block, long startedNanos) {
    executionMillis.putIfAbsent(
        block.header().hash(), (System.nanoTime() - startedNanos) / 1_000_000);
  }

  @Override
  public boolean hasCandidates(BlockHeader parent) {
    return !candidates.select(parent.gasLimit(), baseFee, 1).isEmpty();
  }

  @Override
  public Optional<BlockRejection> check(Block block, BlockHeader parent) {
    long started = System.nanoTime();
    return switch (importer.checkProposal(block)) {
      case ProposalCheck.Executed executed -> {
        timed(block, started);
        yield Optional.empty();
      }
      case ProposalCheck.Rejected rejected -> Optional.of(rejected.rejection());
    };
  }

  @Override
  public boolean importCommitted(Block sealed) {
    long started = System.nanoTime();
    ImportResult result = importer.importBlock(sealed);
    Long executed = executionMillis.get(sealed.header().hash());
    executionMillis.clear();
    if (result instanceof ImportResult.Imported) {
      learnFromOwn(sealed.header().hash());
      LOG.info(
          "Committed block {} in round {} with {} transactions, proposer {}, {} seals, executed in {} ms, stored in {} ms ({})",
          sealed.number(),
          sealed.header().qbftExtraData().round(),
          sealed.transactions().size(),
          sealed.header().coinbase(),
          sealed.header().qbftExtraData().seals().size(),
          executed == null ? "-" : executed,
          (System.nanoTime() - started) / 1_000_000,
          sealed.header().hash());
    }
    return !(result instanceof ImportResult.Rejected);
  }

  private void learnFromOwn(Bytes32 committed) {
    if (ownProposal != null && ownProposal.hash().equals(committed)) {
      long before = budget.nanos();
      budget.committed(System.nanoTime() - ownProposal.startedNanos(), ownProposal.cutShort());
      if (budget.nanos() != before) {
        LOG.debug(
            "Proposal budget now {} ms (was {} ms)",
            TimeUnit.NANOSECONDS.toMillis(budget.nanos()),
            TimeUnit.NANOSECONDS.toMillis(before));
      }
    }
    ownProposal = null;
  }
}

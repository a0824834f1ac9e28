package org.ailedger.node.chain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.chain.BlockRejection.Reason;
import org.ailedger.node.execution.BlockContext;
import org.ailedger.node.execution.BlockProcessor;
import org.ailedger.node.execution.ExecutedBlock;
import org.ailedger.node.tx.RecoveredTransaction;
import org.ailedger.node.tx.RecoveryResult;
import org.ailedger.node.tx.StatelessChecks;
import org.ailedger.node.tx.Transaction;
import org.apache.tuweni.bytes.Bytes32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates a sealed block against the head and appends it. A block from elsewhere is checked in
 * the order that spends the least on a bad block: header rules, seals against the parent's
 * validators, every transaction's stateless rules (the pool's own checks) and sender, and only then
 * execution, which must reproduce every root. A block this node just built and executed is checked
 * for header rules and seals only. Imports are serialized.
 *
 * <p>Executions of the head's possible children are remembered by block hash, which leaves out the
 * round and the seals: a proposal checked by consensus, and then committed by it or announced by a
 * peer in a NewBlock that overtakes the commit, is executed once, whichever path imports it.
 * Appending a block forgets them all, since none can follow the new head.
 */
public final class BlockImporter {
  private static final Logger LOG = LoggerFactory.getLogger(BlockImporter.class);

  private final DefaultBlockchain chain;
  private final BlockProcessor processor;
  private final HeaderRules rules;
  private final SealRule seals;
  private final StatelessChecks transactions;
  private final BlockTimings timings;
  // children of the head only, so at most one per proposal seen at this height
  private final Map<Bytes32, ExecutedBlock> executions = new HashMap<>();

  public BlockImporter(
      DefaultBlockchain chain,
      BlockProcessor processor,
      HeaderRules rules,
      SealRule seals,
      StatelessChecks transactions) {
    this(chain, processor, rules, seals, transactions, BlockTimings.NONE);
  }

  public BlockImporter(
      DefaultBlockchain chain,
      BlockProcessor processor,
      HeaderRules rules,
      SealRule seals,
      StatelessChecks transactions,
      BlockTimings timings) {
    this.chain = chain;
    this.processor = processor;
    this.rules = rules;
    this.seals = seals;
    this.transactions = transactions;
    this.timings = timings;
  }

  /** Imports a block received from elsewhere: every transaction is checked and re-executed. */
  public synchronized ImportResult importBlock(Block block) {
    long started = System.nanoTime();
    ImportResult result = importNew(block);
    if (result instanceof ImportResult.Imported) {
      timings.imported(System.nanoTime() - started);
    }
    return result;
  }

  private ImportResult importNew(Block block) {
    if (known(block)) {
      return new ImportResult.AlreadyKnown(block);
    }
    BlockHeader parent = chain.head();
    BlockHeader header = block.header();
    Optional<BlockRejection> invalid =
        rules.check(header, parent).or(() -> seals.check(header, parent));
    if (invalid.isPresent()) {
      return reject(invalid.get());
    }
    ExecutedBlock remembered = executions.get(header.hash());
    if (remembered != null) {
      return append(block, remembered);
    }
    return switch (execute(block, parent)) {
      case ProposalCheck.Executed executed -> append(block, executed.executed());
      case ProposalCheck.Rejected rejected -> reject(rejected.rejection());
    };
  }

  /**
   * Checks a block that is not sealed yet, a consensus proposal, as {@link #importBlock} would
   * check it apart from the seals, and keeps nothing: header rules against the head, every
   * transaction, and execution reproducing every root. The execution is remembered, so the block,
   * once sealed, is imported by {@link #importBlock} without running it again.
   */
  public synchronized ProposalCheck checkProposal(Block block) {
    Bytes32 hash = block.header().hash();
    ExecutedBlock remembered = executions.get(hash);
    if (remembered != null) {
      return new ProposalCheck.Executed(remembered);
    }
    BlockHeader parent = chain.head();
    Optional<BlockRejection> invalid = rules.check(block.header(), parent);
    if (invalid.isPresent()) {
      LOG.debug("Rejected proposal: {} ({})", invalid.get().message(), invalid.get().reason());
      return new ProposalCheck.Rejected(invalid.get());
    }
    ProposalCheck check = execute(block, parent);
    if (check instanceof ProposalCheck.Executed executed) {
      executions.put(hash, executed.executed());
    }
    return check;
  }

  /**
   * Remembers the execution of a block this node built on the head, so that importing it once
   * sealed, through any path, does not run it again.
   */
  public synchronized void remember(Block block, ExecutedBlock executed) {
    if (block.header().parentHash().equals(chain.head().hash())) {
      executions.put(block.header().hash(), executed);
    }
  }

  private ProposalCheck execute(Block block, BlockHeader parent) {
    long started = System.nanoTime();
    ProposalCheck check = executeAndCompare(block, parent);
    timings.executed(System.nanoTime() - started);
    return check;
  }

  private ProposalCheck executeAndCompare(Block block, BlockHeader parent) {
    BlockHeader header = block.header();
    List<RecoveredTransaction> candidates = new ArrayList<>(block.transactions().size());
    for (Transaction tx : block.transactions()) {
      switch (transactions.check(tx)) {
        case RecoveryResult.Recovered r ->
            candidates.add(new RecoveredTransaction(tx, r.sender(), candidates.size()));
        case RecoveryResult.Invalid u -> {
          return rejected(
              Reason.INVALID_TRANSACTION,
              "block "
                  + header.number()
                  + " holds transaction "
                  + tx.hash()
                  + ": "
                  + u.rejection().message());
        }
      }
    }
    ExecutedBlock executed = processor.execute(parent.stateRoot(), contextOf(header), candidates);
    if (!executed.leftOut().isEmpty()) {
      ExecutedBlock.Left first = executed.leftOut().get(0);
      return rejected(
          Reason.TRANSACTION_NOT_EXECUTABLE,
          "block "
              + header.number()
              + " holds a transaction that cannot execute: "
              + first.rejection().message());
    }
    Optional<BlockRejection> mismatch = compare(header, executed);
    if (mismatch.isPresent()) {
      return new ProposalCheck.Rejected(mismatch.get());
    }
    return new ProposalCheck.Executed(executed);
  }

  private static ProposalCheck rejected(Reason reason, String message) {
    return new ProposalCheck.Rejected(new BlockRejection(reason, message));
  }

  /** Imports a block this node built from {@code executed} and then sealed. */
  public synchronized ImportResult importExecuted(Block block, ExecutedBlock executed) {
    if (known(block)) {
      return new ImportResult.AlreadyKnown(block);
    }
    long started = System.nanoTime();
    BlockHeader parent = chain.head();
    Optional<BlockRejection> invalid =
        rules.check(block.header(), parent).or(() -> seals.check(block.header(), parent));
    if (invalid.isPresent()) {
      return reject(invalid.get());
    }
    ImportResult imported = append(block, executed);
    timings.imported(System.nanoTime() - started);
    return imported;
  }

  private boolean known(Block block) {
    return chain.header(block.header().hash()).isPresent();
  }

  private ImportResult append(Block block, ExecutedBlock executed) {
    executions.clear();
    chain.append(block, executed.receipts(), executed.state());
    return new ImportResult.Imported(block);
  }

  public static BlockContext contextOf(BlockHeader header, long chainId) {
    return new BlockContext(
        header.number(),
        header.timestamp(),
        header.coinbase(),
        header.baseFee(),
        header.gasLimit(),
        chainId);
  }

  private BlockContext contextOf(BlockHeader header) {
    return contextOf(header, chain.chainId());
  }

  private static Optional<BlockRejection> compare(BlockHeader header, ExecutedBlock executed) {
    long n = header.number();
    if (!header.stateRoot().equals(executed.state().stateRoot())) {
      return mismatch(
          Reason.STATE_ROOT_MISMATCH,
          "block "
              + n
              + " state root "
              + header.stateRoot()
              + " != executed "
              + executed.state().stateRoot());
    }
    if (!header.transactionsRoot().equals(executed.transactionsRoot())) {
      return mismatch(
          Reason.TRANSACTIONS_ROOT_MISMATCH,
          "block " + n + " transactions root does not match its transactions");
    }
    if (!header.receiptsRoot().equals(executed.receiptsRoot())) {
      return mismatch(
          Reason.RECEIPTS_ROOT_MISMATCH, "block " + n + " receipts root does not match execution");
    }
    if (header.gasUsed() != executed.gasUsed()) {
      return mismatch(
          Reason.GAS_USED_MISMATCH,
          "block " + n + " gas used " + header.gasUsed() + " != executed " + executed.gasUsed());
    }
    if (!header.logsBloom().equals(executed.logsBloom())) {
      return mismatch(
          Reason.LOGS_BLOOM_MISMATCH, "block " + n + " logs bloom does not match execution");
    }
    if (!header.qbftExtraData().validators().equals(executed.nextValidators())) {
      return mismatch(
          Reason.VALIDATORS_MISMATCH,
          "block " + n + " names validators that differ from the Permissions contract's set");
    }
    return Optional.empty();
  }

  private static Optional<BlockRejection> mismatch(Reason reason, String message) {
    return Optional.of(new BlockRejection(reason, message));
  }

  // a peer's bad block is the peer's problem, answered by a disconnect; logging it louder would
  // let any peer flood the operator's log
  private static ImportResult reject(BlockRejection rejection) {
    LOG.debug("Rejected block: {} ({})", rejection.message(), rejection.reason());
    return new ImportResult.Rejected(rejection);
  }
}

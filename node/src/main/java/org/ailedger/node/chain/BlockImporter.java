package org.ailedger.node.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.consensus.qbft.SealVerifier;
import org.ailedger.node.execution.BlockContext;
import org.ailedger.node.execution.BlockProcessor;
import org.ailedger.node.execution.ExecutedBlock;
import org.ailedger.node.tx.RecoveryResult;
import org.ailedger.node.tx.SenderRecovery;
import org.ailedger.node.tx.Transaction;
import org.ailedger.node.txpool.PendingTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates a sealed block against the head and appends it. A block from elsewhere is executed
 * again and must reproduce every root; a block this node just built and executed is checked for
 * header rules and seals only. Imports are serialized.
 */
public final class BlockImporter {
  private static final Logger LOG = LoggerFactory.getLogger(BlockImporter.class);

  private final DefaultBlockchain chain;
  private final BlockProcessor processor;
  private final HeaderRules rules;
  private final SealVerifier seals;
  private final SenderRecovery senders;

  public BlockImporter(
      DefaultBlockchain chain,
      BlockProcessor processor,
      HeaderRules rules,
      SealVerifier seals,
      SenderRecovery senders) {
    this.chain = chain;
    this.processor = processor;
    this.rules = rules;
    this.seals = seals;
    this.senders = senders;
  }

  /** Imports a block received from elsewhere: every transaction is re-executed. */
  public synchronized ImportResult importBlock(Block block) {
    BlockHeader parent = chain.head();
    BlockHeader header = block.header();
    Optional<String> invalid = rules.check(header, parent);
    if (invalid.isPresent()) {
      return reject(invalid.get());
    }
    List<PendingTransaction> candidates = new ArrayList<>();
    for (Transaction tx : block.transactions()) {
      switch (senders.recover(tx)) {
        case RecoveryResult.Recovered r ->
            candidates.add(new PendingTransaction(tx, r.sender(), candidates.size()));
        case RecoveryResult.Invalid u -> {
          return reject(
              "block "
                  + header.number()
                  + " holds transaction "
                  + tx.hash()
                  + " with "
                  + u.rejection().message());
        }
      }
    }
    ExecutedBlock executed = processor.execute(parent.stateRoot(), contextOf(header), candidates);
    if (!executed.leftOut().isEmpty()) {
      ExecutedBlock.Left first = executed.leftOut().get(0);
      return reject(
          "block "
              + header.number()
              + " holds a transaction that cannot execute: "
              + first.rejection().message());
    }
    Optional<String> mismatch = compare(header, executed);
    if (mismatch.isPresent()) {
      return reject(mismatch.get());
    }
    return appendSealed(block, executed, parent);
  }

  /** Imports a block this node built from {@code executed} and then sealed. */
  public synchronized ImportResult importExecuted(Block block, ExecutedBlock executed) {
    BlockHeader parent = chain.head();
    Optional<String> invalid = rules.check(block.header(), parent);
    if (invalid.isPresent()) {
      return reject(invalid.get());
    }
    return appendSealed(block, executed, parent);
  }

  private ImportResult appendSealed(Block block, ExecutedBlock executed, BlockHeader parent) {
    Optional<String> badSeal = seals.verify(block.header(), parent.qbftExtraData().validators());
    if (badSeal.isPresent()) {
      return reject(badSeal.get());
    }
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

  private static Optional<String> compare(BlockHeader header, ExecutedBlock executed) {
    long n = header.number();
    if (!header.stateRoot().equals(executed.state().stateRoot())) {
      return Optional.of(
          "block "
              + n
              + " state root "
              + header.stateRoot()
              + " != executed "
              + executed.state().stateRoot());
    }
    if (!header.transactionsRoot().equals(executed.transactionsRoot())) {
      return Optional.of("block " + n + " transactions root does not match its transactions");
    }
    if (!header.receiptsRoot().equals(executed.receiptsRoot())) {
      return Optional.of("block " + n + " receipts root does not match execution");
    }
    if (header.gasUsed() != executed.gasUsed()) {
      return Optional.of(
          "block " + n + " gas used " + header.gasUsed() + " != executed " + executed.gasUsed());
    }
    if (!header.logsBloom().equals(executed.logsBloom())) {
      return Optional.of("block " + n + " logs bloom does not match execution");
    }
    if (!header.qbftExtraData().validators().equals(executed.nextValidators())) {
      return Optional.of(
          "block " + n + " names validators that differ from the Permissions contract's set");
    }
    return Optional.empty();
  }

  private static ImportResult reject(String reason) {
    LOG.warn("Rejected block: {}", reason);
    return new ImportResult.Rejected(reason);
  }
}

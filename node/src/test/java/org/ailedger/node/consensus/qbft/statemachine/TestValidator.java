package org.ailedger.node.consensus.qbft.statemachine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.chain.BlockRejection;
import org.ailedger.node.consensus.qbft.CommitSeals;
import org.ailedger.node.consensus.qbft.QbftFixtures;
import org.ailedger.node.consensus.qbft.SealVerifier;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.tx.Transaction;

/**
 * One validator with an in-memory chain. Its import checks the committed seals with the real {@link
 * SealVerifier}, appends, and announces the new head to its own queue as the node's chain events
 * would; blocks are built without execution, from the network's shared pool.
 */
final class TestValidator {
  final KeyPair key;
  final EventQueue queue;
  final QbftController controller;
  final List<Block> chain = new ArrayList<>();
  final List<Block> refused = new ArrayList<>();

  /** Set, and this validator's pool has none of the network's pending transactions yet. */
  boolean poolBehind;

  private final BlockHeader genesis;
  private final InMemoryNetwork network;
  private final SealVerifier seals = new SealVerifier(new CommitSeals(QbftFixtures.SECP));

  TestValidator(KeyPair key, BlockHeader genesis, InMemoryNetwork network, QbftConfig config) {
    this(key, genesis, List.of(), network, config);
  }

  /** A validator (re)started on a chain it already holds, as after a restart and a sync. */
  TestValidator(
      KeyPair key,
      BlockHeader genesis,
      List<Block> synced,
      InMemoryNetwork network,
      QbftConfig config) {
    this.key = key;
    this.genesis = genesis;
    this.network = network;
    this.chain.addAll(synced);
    this.queue = new EventQueue(config.messageQueueLimit());
    this.controller =
        new QbftController(
            head(),
            key,
            QbftFixtures.SECP,
            network.multicasterOf(key.address()),
            new ProposalBuilder() {
              @Override
              public Block build(BlockHeader parent, int round, long timestamp) {
                return TestValidator.this.build(parent, round, timestamp);
              }

              @Override
              public boolean hasCandidates(BlockHeader parent) {
                return !pool().isEmpty();
              }
            },
            this::check,
            this::importCommitted,
            network.scheduler,
            network.scheduler.clock,
            config,
            queue);
  }

  BlockHeader head() {
    return chain.isEmpty() ? genesis : chain.get(chain.size() - 1).header();
  }

  long headNumber() {
    return head().number();
  }

  private Block build(BlockHeader parent, int round, long timestamp) {
    return new Block(
        QbftFixtures.header(
            parent.number() + 1,
            parent.hash(),
            key.address(),
            parent.qbftExtraData().validators(),
            round,
            timestamp),
        pool());
  }

  /** What this validator's pool holds: the network's, unless its gossip has not arrived yet. */
  private List<Transaction> pool() {
    return poolBehind ? List.of() : List.copyOf(network.pending);
  }

  private Optional<BlockRejection> check(Block block, BlockHeader parent) {
    if (!block.header().parentHash().equals(parent.hash())) {
      return Optional.of(
          new BlockRejection(BlockRejection.Reason.NOT_NEXT_BLOCK, "not on the parent"));
    }
    return Optional.empty();
  }

  private boolean importCommitted(Block sealed) {
    BlockHeader parent = head();
    Optional<BlockRejection> rejection =
        check(sealed, parent).or(() -> seals.check(sealed.header(), parent));
    if (rejection.isPresent()) {
      refused.add(sealed);
      return false;
    }
    chain.add(sealed);
    network.pending.removeAll(sealed.transactions());
    queue.offer(new QbftEvent.NewChainHead(sealed.header()));
    return true;
  }
}

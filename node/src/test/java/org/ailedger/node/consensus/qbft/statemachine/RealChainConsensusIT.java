package org.ailedger.node.consensus.qbft.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ailedger.node.app.ChainCore;
import org.ailedger.node.block.Block;
import org.ailedger.node.chain.BlockImporter;
import org.ailedger.node.chain.DefaultBlockchain;
import org.ailedger.node.consensus.qbft.BlockCreator;
import org.ailedger.node.consensus.qbft.ManualScheduler;
import org.ailedger.node.consensus.qbft.QbftFixtures;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.node.genesis.DevnetGenesis;
import org.ailedger.node.genesis.GenesisConfig;
import org.ailedger.node.genesis.GenesisParser;
import org.ailedger.node.genesis.GenesisWriter;
import org.ailedger.node.storage.InMemoryKeyValueStore;
import org.ailedger.node.tx.KnownSenders;
import org.ailedger.node.tx.RecoveredTransaction;
import org.ailedger.node.tx.Transaction;
import org.ailedger.node.tx.TransactionSigner;
import org.ailedger.node.tx.UnsignedTransaction;
import org.ailedger.precompiles.permissions.Role;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;

/**
 * Four devnet validators, each with its own store, executor and importer, agree through {@link
 * ConsensusChain}: proposals built by {@link BlockCreator}, checked by {@link
 * BlockImporter#checkProposal}, and committed blocks imported with their seals verified.
 */
class RealChainConsensusIT {
  private final GenesisConfig genesis =
      new GenesisParser().parse(new GenesisWriter().write(DevnetGenesis.spec(4)));
  private final ManualScheduler scheduler =
      new ManualScheduler(Instant.ofEpochSecond(DevnetGenesis.TIMESTAMP).minusMillis(500));
  private final Map<Address, Node> nodes = new LinkedHashMap<>();
  private final List<RecoveredTransaction> pending = new ArrayList<>();

  private final class Node {
    final KeyPair key;
    final DefaultBlockchain chain;
    final EventQueue queue = new EventQueue(1000);
    final QbftController controller;

    Node(KeyPair key) {
      this.key = key;
      InMemoryKeyValueStore store = new InMemoryKeyValueStore();
      ChainCore core = ChainCore.open(store, genesis, QbftFixtures.SECP, scheduler.clock);
      chain = core.chain();
      BlockImporter importer = core.importer(KnownSenders.NONE);
      ConsensusChain consensusChain =
          new ConsensusChain(
              importer,
              core.creator(),
              (gasLimit, baseFee, max) -> List.copyOf(pending),
              key,
              genesis.baseFee(),
              500,
              1_000);
      chain.onBlockAdded(added -> queue.offer(new QbftEvent.NewChainHead(added.block().header())));
      controller =
          new QbftController(
              chain.head(),
              key,
              QbftFixtures.SECP,
              (recipients, code, data) -> {
                for (Address to : recipients) {
                  nodes
                      .get(to)
                      .queue
                      .offer(new QbftEvent.MessageReceived(key.address(), code, data));
                }
              },
              consensusChain,
              consensusChain,
              consensusChain,
              scheduler,
              scheduler.clock,
              QbftConfig.from(genesis.qbft()),
              queue);
    }
  }

  @Test
  void fourExecutingValidatorsCommitATransactionAndEndInTheSameState() {
    for (int i = 0; i < 4; i++) {
      KeyPair key = DevAccounts.validator(i);
      nodes.put(key.address(), new Node(key));
    }
    KeyPair contributor = DevAccounts.account(2);
    pending.add(new RecoveredTransaction(renounce(contributor, 0), contributor.address(), 0));
    nodes.values().forEach(n -> n.controller.begin());

    runUntil(2, Duration.ofSeconds(20));

    Block first = nodes.values().iterator().next().chain.block(1).orElseThrow();
    assertThat(first.transactions()).hasSize(1);
    for (Node node : nodes.values()) {
      assertThat(node.chain.head().number()).isGreaterThanOrEqualTo(2);
      assertThat(node.chain.block(1).orElseThrow().header().hash())
          .isEqualTo(first.header().hash());
      assertThat(node.chain.block(1).orElseThrow().header().stateRoot())
          .isEqualTo(first.header().stateRoot());
    }
  }

  private void runUntil(long height, Duration limit) {
    long deadline = scheduler.nowMillis() + limit.toMillis();
    while (nodes.values().stream().anyMatch(n -> n.chain.head().number() < height)) {
      assertThat(scheduler.nowMillis()).as("time to reach height " + height).isLessThan(deadline);
      long until = scheduler.nowMillis() + 100;
      while (scheduler.runNext(until).isPresent()) {
        settle();
      }
      scheduler.setNow(until);
      settle();
      // a committed transaction leaves the shared candidate list, as the pool would drop it
      if (nodes.values().stream().allMatch(n -> n.chain.head().number() >= 1)) {
        pending.clear();
      }
    }
  }

  private void settle() {
    boolean busy = true;
    while (busy) {
      busy = false;
      for (Node node : nodes.values()) {
        busy |= node.controller.drain() > 0;
      }
    }
  }

  private Transaction renounce(KeyPair sender, long nonce) {
    String data =
        FunctionEncoder.encode(
            new Function(
                "renounceRole",
                List.of(new Bytes32(Role.CONTRIBUTOR.id().toArrayUnsafe())),
                List.of()));
    return new TransactionSigner(QbftFixtures.SECP)
        .sign(
            UnsignedTransaction.eip1559(
                nonce,
                UInt256.ZERO,
                UInt256.ZERO,
                100_000,
                Address.of(0x1000),
                UInt256.ZERO,
                Bytes.fromHexString(data),
                List.of()),
            1337,
            sender);
  }
}

package org.ailedger.node.consensus.qbft.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.consensus.qbft.QbftFixtures;
import org.ailedger.node.consensus.qbft.message.MessageCodes;
import org.ailedger.node.consensus.qbft.validation.HeightContext;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.tx.Transaction;
import org.junit.jupiter.api.Test;

/**
 * Besu's emptyblockperiodseconds on four in-process validators: with a block period of 1 s and an
 * empty-block period of 10 s, a height with nothing to include waits for the empty period, and a
 * transaction that turns up meanwhile is in a block at the next block period. The round timeout is
 * 1 s, so a validator that ran round 0 while the proposer waited would change round within the
 * wait.
 */
class EmptyBlockPeriodTest {
  private static final int EMPTY_BLOCK_PERIOD = 10;

  private final List<KeyPair> keys = QbftFixtures.validatorKeys(4);
  private final BlockHeader genesis = QbftFixtures.genesis(QbftFixtures.addresses(keys));

  @Test
  void anEmptyPoolDelaysTheBlockUntilTheEmptyBlockPeriod() {
    InMemoryNetwork network = network(true);
    network.begin();

    advanceTo(network, genesis.timestamp() + EMPTY_BLOCK_PERIOD - 0.1);
    assertThat(network.live()).allMatch(n -> n.chain.isEmpty());
    assertThat(network.sent).as("no validator proposed or voted while waiting").isEmpty();

    network.runUntilHeight(1, Duration.ofSeconds(1));
    Block block = network.live().get(0).chain.get(0);
    assertThat(block.header().timestamp()).isEqualTo(genesis.timestamp() + EMPTY_BLOCK_PERIOD);
    assertThat(block.transactions()).isEmpty();
    assertThat(network.sent).noneMatch(s -> s.code() == MessageCodes.ROUND_CHANGE);
  }

  @Test
  void aTransactionArrivingEarlierGetsABlockAtTheNextBlockPeriod() {
    InMemoryNetwork network = network(true);
    network.begin();
    advanceTo(network, genesis.timestamp() + 3.2);
    assertThat(network.live()).allMatch(n -> n.chain.isEmpty());

    Transaction transaction = QbftFixtures.legacyTransaction(0);
    network.pending.add(transaction);
    network.runUntilHeight(1, Duration.ofSeconds(2));

    Block block = network.live().get(0).chain.get(0);
    assertThat(block.header().timestamp()).isEqualTo(genesis.timestamp() + 4);
    assertThat(block.transactions()).containsExactly(transaction);
    assertThat(network.sent).noneMatch(s -> s.code() == MessageCodes.ROUND_CHANGE);

    // the next height has nothing to include again, so it waits the empty period after block 1
    network.runUntilHeight(2, Duration.ofSeconds(EMPTY_BLOCK_PERIOD + 1));
    assertThat(network.live().get(0).chain.get(1).header().timestamp())
        .isEqualTo(block.header().timestamp() + EMPTY_BLOCK_PERIOD);
  }

  @Test
  void validatorsHoldingATransactionTheWaitingProposerLacksChangeTheRound() {
    InMemoryNetwork network = network(true);
    TestValidator proposer = network.node(HeightContext.after(genesis).proposer(0));
    proposer.poolBehind = true;
    network.begin();
    advanceTo(network, genesis.timestamp() + 2.5);

    network.pending.add(QbftFixtures.legacyTransaction(0));
    network.runUntilHeight(1, Duration.ofSeconds(5));

    Block block = proposer.chain.get(0);
    assertThat(block.transactions()).hasSize(1);
    assertThat(block.header().qbftExtraData().round()).isEqualTo(1);
    assertThat(block.header().timestamp()).isLessThan(genesis.timestamp() + EMPTY_BLOCK_PERIOD);
  }

  @Test
  void withoutCreateEmptyBlocksAHeightWaitsForATransactionHoweverLong() {
    InMemoryNetwork network = network(false);
    network.begin();

    advanceTo(network, genesis.timestamp() + 600);
    assertThat(network.live()).allMatch(n -> n.chain.isEmpty());
    assertThat(network.sent).isEmpty();

    network.pending.add(QbftFixtures.legacyTransaction(0));
    network.runUntilHeight(1, Duration.ofSeconds(2));
    assertThat(network.live().get(0).chain.get(0).transactions()).hasSize(1);
    assertThat(network.sent).noneMatch(s -> s.code() == MessageCodes.ROUND_CHANGE);
  }

  private InMemoryNetwork network(boolean createEmptyBlocks) {
    return new InMemoryNetwork(
        keys,
        genesis,
        new QbftConfig(1, EMPTY_BLOCK_PERIOD, createEmptyBlocks, 1, 1000, 100, 1000, 1000, 10));
  }

  private static void advanceTo(InMemoryNetwork network, double epochSeconds) {
    long target = Math.round(epochSeconds * 1000);
    network.advance(Duration.ofMillis(target - network.scheduler.nowMillis()));
  }
}

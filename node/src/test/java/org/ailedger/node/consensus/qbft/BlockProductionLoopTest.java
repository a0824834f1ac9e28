package org.ailedger.node.consensus.qbft;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.ailedger.node.app.ChainCore;
import org.ailedger.node.app.PoolWiring;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.chain.DefaultBlockchain;
import org.ailedger.node.crypto.BouncyCastleSecp256k1;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.crypto.Secp256k1;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.node.genesis.DevnetGenesis;
import org.ailedger.node.genesis.GenesisConfig;
import org.ailedger.node.genesis.GenesisParser;
import org.ailedger.node.genesis.GenesisWriter;
import org.ailedger.node.genesis.QbftOptions;
import org.ailedger.node.storage.InMemoryKeyValueStore;
import org.ailedger.node.tx.Transaction;
import org.ailedger.node.tx.TransactionSigner;
import org.ailedger.node.tx.UnsignedTransaction;
import org.ailedger.node.txpool.SubmitResult;
import org.ailedger.node.txpool.TransactionPool;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sole validator's loop on a real chain, pool, creator and importer over an in-memory store,
 * with a scheduler and clock the test moves: with 1 s blocks, an idle pool costs one look per
 * period, an empty block waits for {@code emptyblockperiodseconds} (forever without {@code
 * createemptyblocks}), and a transaction that arrives meanwhile is in a block at the next period.
 */
class BlockProductionLoopTest {
  private static final int EMPTY_BLOCK_PERIOD = 5;

  /** Far more tasks than any test's span needs; a loop that reschedules at once runs into it. */
  private static final int MAX_TASKS = 10_000;

  private static final long GENESIS_MILLIS = DevnetGenesis.TIMESTAMP * 1000L;

  private final Secp256k1 secp256k1 = new BouncyCastleSecp256k1();
  private final ManualScheduler scheduler =
      new ManualScheduler(Instant.ofEpochSecond(DevnetGenesis.TIMESTAMP));
  private final KeyPair sender = DevAccounts.account(2);
  private SoleValidator node;

  /** One validator with its own store, chain, pool and loop, wired as LedgerNode wires p2p off. */
  private final class SoleValidator {
    final DefaultBlockchain chain;
    final TransactionPool pool;
    final BlockProductionLoop loop;

    SoleValidator(QbftOptions qbft) {
      GenesisConfig genesis = new GenesisParser().parse(new GenesisWriter().write(spec(qbft)));
      ChainCore core =
          ChainCore.open(new InMemoryKeyValueStore(), genesis, secp256k1, scheduler.clock);
      chain = core.chain();
      pool = PoolWiring.create(chain, core.archive(), core.checks(), core.bindings());
      chain.onBlockAdded(added -> pool.onBlockCommitted(added.block().transactions()));
      loop =
          new BlockProductionLoop(
              chain,
              pool,
              core.creator(),
              core.importer(pool::senderOf),
              DevAccounts.validator(0),
              genesis.qbft(),
              core.rules().baseFee(),
              scheduler.clock,
              100,
              scheduler);
    }

    Block block(long number) {
      return chain.block(number).orElseThrow();
    }
  }

  @AfterEach
  void stopTheLoop() {
    if (node != null) {
      node.loop.stop();
    }
  }

  @Test
  void withoutCreateEmptyBlocksAnIdlePoolMakesNoBlockAndIsLookedAtOncePerPeriod() {
    node = start(options(1, false));

    advanceTo(10.0);

    assertThat(node.chain.head().number()).isZero();
    // the start and one look per period; a loop that spun would have scheduled MAX_TASKS
    assertThat(scheduler.history()).hasSizeLessThanOrEqualTo(11);
  }

  @Test
  void withoutCreateEmptyBlocksATransactionStillGetsABlockAtTheNextPeriod() {
    node = start(options(1, false));
    advanceTo(60.4);

    submit(0);
    advanceTo(61.0);

    BlockHeader head = node.chain.head();
    assertThat(head.number()).isEqualTo(1);
    assertThat(head.timestamp()).isEqualTo(DevnetGenesis.TIMESTAMP + 61);
    assertThat(node.block(1).transactions()).hasSize(1);
  }

  @Test
  void anEmptyPoolGetsABlockOnlyOnceTheEmptyBlockPeriodHasPassed() {
    node = start(options(EMPTY_BLOCK_PERIOD, true));

    advanceTo(EMPTY_BLOCK_PERIOD - 0.001);
    assertThat(node.chain.head().number()).isZero();

    advanceTo(EMPTY_BLOCK_PERIOD);
    BlockHeader head = node.chain.head();
    assertThat(head.number()).isEqualTo(1);
    assertThat(head.timestamp()).isEqualTo(DevnetGenesis.TIMESTAMP + EMPTY_BLOCK_PERIOD);
    assertThat(node.block(1).transactions()).isEmpty();
    assertThat(scheduler.history()).hasSizeLessThanOrEqualTo(EMPTY_BLOCK_PERIOD + 2);
  }

  @Test
  void aTransactionArrivingDuringTheEmptyBlockWaitIsInABlockAtTheNextPeriod() {
    node = start(options(EMPTY_BLOCK_PERIOD, true));
    advanceTo(2.3);
    assertThat(node.chain.head().number()).isZero();

    Transaction transaction = submit(0);
    advanceTo(2.999);
    assertThat(node.chain.head().number()).isZero();

    advanceTo(3.0);
    BlockHeader head = node.chain.head();
    assertThat(head.number()).isEqualTo(1);
    assertThat(head.timestamp()).isEqualTo(DevnetGenesis.TIMESTAMP + 3);
    assertThat(node.block(1).transactions()).containsExactly(transaction);

    // the pool is empty again, so the next block waits the empty-block period after block 1
    advanceTo(3.0 + EMPTY_BLOCK_PERIOD - 0.001);
    assertThat(node.chain.head().number()).isEqualTo(1);
    advanceTo(3.0 + EMPTY_BLOCK_PERIOD);
    assertThat(node.chain.head().number()).isEqualTo(2);
    assertThat(node.chain.head().timestamp()).isEqualTo(DevnetGenesis.TIMESTAMP + 8);
  }

  private SoleValidator start(QbftOptions qbft) {
    SoleValidator validator = new SoleValidator(qbft);
    validator.loop.start();
    return validator;
  }

  /** 1 s blocks with the given empty-block period; the other keys at their defaults. */
  private static QbftOptions options(int emptyBlockPeriodSeconds, boolean createEmptyBlocks) {
    QbftOptions defaults = QbftOptions.defaults(1);
    return new QbftOptions(
        defaults.blockPeriodSeconds(),
        emptyBlockPeriodSeconds,
        defaults.epochLength(),
        defaults.requestTimeoutSeconds(),
        createEmptyBlocks,
        defaults.messageQueueLimit(),
        defaults.duplicateMessageLimit(),
        defaults.gossipedHistoryLimit(),
        defaults.futureMessagesLimit(),
        defaults.futureMessagesMaxDistance());
  }

  /** The devnet genesis for one validator, with {@code qbft} in its {@code config.qbft}. */
  private static GenesisWriter.Spec spec(QbftOptions qbft) {
    GenesisWriter.Spec devnet = DevnetGenesis.spec(1);
    return new GenesisWriter.Spec(
        devnet.chainId(),
        qbft,
        devnet.gasLimit(),
        devnet.timestamp(),
        devnet.validators(),
        devnet.alloc(),
        devnet.accounts(),
        devnet.nodes(),
        devnet.tokens(),
        devnet.parameters());
  }

  /** A transfer of 1 wei from the allowlisted {@link #sender}, admitted to the pool. */
  private Transaction submit(long nonce) {
    UnsignedTransaction unsigned =
        UnsignedTransaction.eip1559(
            nonce,
            UInt256.ZERO,
            UInt256.valueOf(1_000_000_000L),
            21_000,
            DevAccounts.account(3).address(),
            UInt256.ONE,
            Bytes.EMPTY,
            List.of());
    Transaction transaction =
        new TransactionSigner(secp256k1).sign(unsigned, DevAccounts.DEVNET_CHAIN_ID, sender);
    assertThat(node.pool.submit(transaction)).isInstanceOf(SubmitResult.Accepted.class);
    return transaction;
  }

  /** Runs every task due by {@code secondsAfterGenesis}, then leaves the clock there. */
  private void advanceTo(double secondsAfterGenesis) {
    long until = GENESIS_MILLIS + Math.round(secondsAfterGenesis * 1000);
    int ran = 0;
    while (ran < MAX_TASKS && scheduler.runNext(until).isPresent()) {
      ran++;
    }
    scheduler.setNow(until);
  }
}

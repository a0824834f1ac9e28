package org.ailedger.node.txpool;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.ailedger.node.tx.RecoveredTransaction;
import org.ailedger.node.tx.RejectionReason;
import org.ailedger.node.tx.Signature;
import org.ailedger.node.tx.Transaction;
import org.ailedger.node.tx.TransactionRejection;
import org.ailedger.node.tx.TransactionType;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

class TransactionPoolTest {
  private static final Address ALICE = Address.of(0xa11ce);
  private static final Address BOB = Address.of(0xb0b);
  private static final Address CAROL = Address.of(0xca201);
  private static final Address RECIPIENT = Address.of(0x1001);
  private static final long GAS = 21_000;
  private static final UInt256 NO_BASE_FEE = UInt256.ZERO;

  private final FakeState state = new FakeState();
  private final AtomicInteger admissions = new AtomicInteger();

  /** The test's admission: the sender is the address whose number is the signature's r. */
  private final TransactionAdmission admission =
      tx -> {
        admissions.incrementAndGet();
        return AdmissionResult.admitted(Address.of(tx.signature().r().longValueExact()));
      };

  private TransactionPool pool = new TransactionPool(admission, state, TxPoolConfig.DEFAULT);

  // ---- building transactions ----

  private static Transaction tx(Address sender, long nonce) {
    return tx(sender, nonce, 0, 0);
  }

  private static Transaction tx(Address sender, long nonce, long maxPriorityFee, long maxFee) {
    return tx(sender, nonce, maxPriorityFee, maxFee, GAS, 0);
  }

  private static Transaction tx(
      Address sender, long nonce, long maxPriorityFee, long maxFee, long gasLimit, long value) {
    return new Transaction(
        TransactionType.EIP1559,
        OptionalLong.of(1337),
        nonce,
        UInt256.valueOf(maxPriorityFee),
        UInt256.valueOf(maxFee),
        gasLimit,
        Optional.of(RECIPIENT),
        UInt256.valueOf(value),
        Bytes.EMPTY,
        List.of(),
        new Signature(sender.bytes().toUnsignedBigInteger(), BigInteger.ONE, 0));
  }

  private void withConfig(int maxPooled, int maxPerSender, long maxNonceGap) {
    pool =
        new TransactionPool(
            admission, state, new TxPoolConfig(maxPooled, maxPerSender, maxNonceGap, 10));
  }

  private void accept(Transaction... txs) {
    for (Transaction tx : txs) {
      assertThat(pool.submit(tx))
          .as("submit %s", tx)
          .isEqualTo(new SubmitResult.Accepted(tx.hash()));
    }
  }

  private static TransactionRejection rejection(SubmitResult result) {
    assertThat(result).isInstanceOf(SubmitResult.Rejected.class);
    return ((SubmitResult.Rejected) result).rejection();
  }

  private List<Transaction> select(long gasLimit, UInt256 baseFee, int maxCount) {
    return pool.selectForBlock(gasLimit, baseFee, maxCount).stream()
        .map(RecoveredTransaction::transaction)
        .toList();
  }

  private List<Transaction> selectAll() {
    return select(Long.MAX_VALUE, NO_BASE_FEE, Integer.MAX_VALUE);
  }

  // ---- admission and state checks ----

  @Test
  void acceptedTransactionIsFoundByHashWithItsSender() {
    Transaction tx = tx(ALICE, 0);

    accept(tx);

    RecoveredTransaction pooled = pool.byHash(tx.hash()).orElseThrow();
    assertThat(pooled.transaction()).isEqualTo(tx);
    assertThat(pooled.sender()).isEqualTo(ALICE);
    assertThat(pool.size()).isEqualTo(1);
  }

  @Test
  void duplicateIsAlreadyKnownWithoutRecoveringItsSenderAgain() {
    Transaction tx = tx(ALICE, 0);
    accept(tx);

    TransactionRejection rejection = rejection(pool.submit(tx));

    assertThat(rejection.reason()).isEqualTo(RejectionReason.ALREADY_KNOWN);
    assertThat(rejection.message()).contains(tx.hash().toHexString());
    assertThat(admissions).hasValue(1);
    assertThat(pool.size()).isEqualTo(1);
  }

  @Test
  void admissionRefusalIsReturnedUnchanged() {
    TransactionRejection bad =
        new TransactionRejection(
            RejectionReason.WRONG_CHAIN_ID, "chain id 1 is not this network's 1337");
    pool = new TransactionPool(tx -> new AdmissionResult.Refused(bad), state, TxPoolConfig.DEFAULT);

    assertThat(pool.submit(tx(ALICE, 0))).isEqualTo(new SubmitResult.Rejected(bad));
    assertThat(pool.size()).isZero();
  }

  @Test
  void theObserverHearsEveryDecisionAsTheSubmitterDoes() {
    List<SubmitResult> heard = new ArrayList<>();
    pool = new TransactionPool(admission, state, TxPoolConfig.DEFAULT, heard::add);
    state.nonce(ALICE, 5);

    SubmitResult tooLow = pool.submit(tx(ALICE, 4));
    SubmitResult accepted = pool.submit(tx(ALICE, 5));
    SubmitResult again = pool.submit(tx(ALICE, 5));

    assertThat(heard).containsExactly(tooLow, accepted, again);
    assertThat(rejection(again).reason()).isEqualTo(RejectionReason.ALREADY_KNOWN);
  }

  @Test
  void senderNotOnTheAllowlistIsRefused() {
    state.forbid(ALICE);

    TransactionRejection rejection = rejection(pool.submit(tx(ALICE, 0)));

    assertThat(rejection.reason()).isEqualTo(RejectionReason.SENDER_NOT_PERMITTED);
    assertThat(rejection.message()).contains(ALICE.toHexString()).contains("allowlist");
  }

  @Test
  void nonceBelowTheAccountNonceIsTooLowAndNamesBothNonces() {
    state.nonce(ALICE, 5);

    TransactionRejection rejection = rejection(pool.submit(tx(ALICE, 3)));

    assertThat(rejection.reason()).isEqualTo(RejectionReason.NONCE_TOO_LOW);
    assertThat(rejection.message())
        .contains("nonce 3")
        .contains("next nonce of " + ALICE + " is 5");
  }

  @Test
  void nonceBeyondTheGapIsTooHighWhileTheLastNonceWithinIsPooled() {
    withConfig(100, 100, 4);
    state.nonce(ALICE, 10);

    TransactionRejection rejection = rejection(pool.submit(tx(ALICE, 15)));
    accept(tx(ALICE, 14));

    assertThat(rejection.reason()).isEqualTo(RejectionReason.NONCE_TOO_HIGH);
    assertThat(rejection.message())
        .contains("nonce 15")
        .contains("is 10")
        .contains("missing nonces");
  }

  @Test
  void costAboveTheBalanceIsRefusedButExactlyTheBalanceIsAccepted() {
    state.balance(ALICE, 1_000 + GAS * 2);

    TransactionRejection rejection = rejection(pool.submit(tx(ALICE, 0, 1, 2, GAS, 1_001)));
    accept(tx(ALICE, 0, 1, 2, GAS, 1_000));

    assertThat(rejection.reason()).isEqualTo(RejectionReason.INSUFFICIENT_BALANCE);
    assertThat(rejection.message()).contains("43000").contains("43001");
  }

  @Test
  void zeroFeeTransactionNeedsOnlyItsValue() {
    state.balance(ALICE, 5);

    accept(tx(ALICE, 0, 0, 0, 10_000_000, 5));
  }

  // ---- replacement ----

  @Test
  void replacementRaisingBothFeesByTheBumpTakesTheSlot() {
    Transaction original = tx(ALICE, 0, 100, 200);
    Transaction replacement = tx(ALICE, 0, 110, 220);
    accept(original);

    accept(replacement);

    assertThat(pool.size()).isEqualTo(1);
    assertThat(pool.byHash(original.hash())).isEmpty();
    assertThat(pool.byHash(replacement.hash())).isPresent();
    assertThat(selectAll()).containsExactly(replacement);
  }

  @Test
  void replacementRaisingOnlyOneFeeOrTooLittleIsUnderpriced() {
    Transaction original = tx(ALICE, 0, 100, 200);
    accept(original);

    List<Transaction> cheap =
        List.of(tx(ALICE, 0, 100, 400), tx(ALICE, 0, 200, 200), tx(ALICE, 0, 109, 219));

    for (Transaction attempt : cheap) {
      TransactionRejection rejection = rejection(pool.submit(attempt));
      assertThat(rejection.reason()).isEqualTo(RejectionReason.REPLACEMENT_UNDERPRICED);
      assertThat(rejection.message())
          .contains("maxFeePerGas ≥ 220")
          .contains("maxPriorityFeePerGas ≥ 110")
          .contains(original.hash().toHexString());
    }
    assertThat(pool.byHash(original.hash())).isPresent();
    assertThat(pool.size()).isEqualTo(1);
  }

  @Test
  void zeroFeeTransactionIsNotReplacedByAnotherZeroFeeOne() {
    accept(tx(ALICE, 0, 0, 0, GAS, 1));

    TransactionRejection rejection = rejection(pool.submit(tx(ALICE, 0, 0, 0, GAS, 2)));

    assertThat(rejection.reason()).isEqualTo(RejectionReason.REPLACEMENT_UNDERPRICED);
    assertThat(rejection.message()).contains("maxFeePerGas ≥ 1");
  }

  // ---- bounds and eviction ----

  @Test
  void fullPoolEvictsTheCheapestTransactionThatEndsItsSendersSequence() {
    withConfig(3, 3, 10);
    Transaction aliceCheapFirst = tx(ALICE, 0, 1, 1);
    Transaction aliceDearLast = tx(ALICE, 1, 5, 5);
    Transaction bob = tx(BOB, 0, 3, 3);
    accept(aliceCheapFirst, aliceDearLast, bob);

    accept(tx(CAROL, 0, 4, 4));

    // Alice's nonce 0 pays least but evicting it would strand her nonce 1
    assertThat(pool.byHash(bob.hash())).isEmpty();
    assertThat(pool.byHash(aliceCheapFirst.hash())).isPresent();
    assertThat(pool.size()).isEqualTo(3);
  }

  @Test
  void fullPoolRefusesANewcomerThatPaysNoMore() {
    withConfig(2, 2, 10);
    accept(tx(ALICE, 0, 3, 3), tx(BOB, 0, 3, 3));

    TransactionRejection rejection = rejection(pool.submit(tx(CAROL, 0, 3, 3)));

    assertThat(rejection.reason()).isEqualTo(RejectionReason.POOL_FULL);
    assertThat(rejection.message()).contains("full (2 transactions)");
    assertThat(pool.size()).isEqualTo(2);
  }

  @Test
  void fullPoolOfZeroFeeTransactionsKeepsTheFirstComers() {
    withConfig(2, 2, 10);
    accept(tx(ALICE, 0), tx(BOB, 0));

    assertThat(rejection(pool.submit(tx(CAROL, 0))).reason()).isEqualTo(RejectionReason.POOL_FULL);
  }

  @Test
  void fullPoolNeverEvictsTheNewcomersOwnSender() {
    withConfig(2, 2, 10);
    accept(tx(ALICE, 0, 1, 1), tx(BOB, 0, 9, 9));

    TransactionRejection rejection = rejection(pool.submit(tx(ALICE, 1, 5, 5)));

    assertThat(rejection.reason()).isEqualTo(RejectionReason.POOL_FULL);
  }

  @Test
  void senderAtItsLimitCannotAddAHigherNonce() {
    withConfig(100, 2, 10);
    accept(tx(ALICE, 0), tx(ALICE, 1));

    TransactionRejection rejection = rejection(pool.submit(tx(ALICE, 2)));

    assertThat(rejection.reason()).isEqualTo(RejectionReason.POOL_FULL);
    assertThat(rejection.message()).contains(ALICE.toHexString()).contains("one sender");
    accept(tx(BOB, 0));
  }

  @Test
  void senderAtItsLimitFillingAGapDropsItsHighestNonce() {
    withConfig(100, 2, 10);
    Transaction three = tx(ALICE, 3);
    accept(tx(ALICE, 1), three);

    accept(tx(ALICE, 0));

    assertThat(pool.byHash(three.hash())).isEmpty();
    assertThat(selectAll()).extracting(Transaction::nonce).containsExactly(0L, 1L);
  }

  // ---- gaps and pending nonce ----

  @Test
  void transactionBehindAGapWaitsUntilTheGapIsFilled() {
    accept(tx(ALICE, 0), tx(ALICE, 2));
    assertThat(selectAll()).extracting(Transaction::nonce).containsExactly(0L);

    accept(tx(ALICE, 1));

    assertThat(selectAll()).extracting(Transaction::nonce).containsExactly(0L, 1L, 2L);
  }

  @Test
  void nextNonceCountsPooledNoncesUpToTheFirstGap() {
    state.nonce(ALICE, 4);
    assertThat(pool.nextNonce(ALICE)).isEqualTo(4);

    accept(tx(ALICE, 6));
    assertThat(pool.nextNonce(ALICE)).isEqualTo(4);

    accept(tx(ALICE, 4), tx(ALICE, 5));
    assertThat(pool.nextNonce(ALICE)).isEqualTo(7);
  }

  @Test
  void nextNonceIsNeverTheIncludedOneWhileABlockLandsDuringTheQuery() {
    Transaction included = tx(ALICE, 0);
    accept(included);
    // the head state is read as it was, then the block lands and the pool is pruned before the
    // query ends: the answer must still be past the included nonce
    state.onNextNonceRead(
        () -> {
          state.nonce(ALICE, 1);
          pool.onBlockCommitted(List.of(included));
        });

    assertThat(pool.nextNonce(ALICE)).isEqualTo(1);
    assertThat(pool.size()).isZero();
  }

  // ---- selection ----

  @Test
  void eachSendersTransactionsGoInNonceOrderEvenIfALaterOnePaysMore() {
    accept(tx(ALICE, 1, 50, 50), tx(ALICE, 0, 1, 1));

    assertThat(selectAll()).extracting(Transaction::nonce).containsExactly(0L, 1L);
  }

  @Test
  void sendersTakeTurnsByTheFeeOfTheirNextTransaction() {
    Transaction alice0 = tx(ALICE, 0, 5, 5);
    Transaction alice1 = tx(ALICE, 1, 1, 1);
    Transaction bob0 = tx(BOB, 0, 3, 3);
    Transaction bob1 = tx(BOB, 1, 2, 2);
    Transaction carol0 = tx(CAROL, 0, 4, 4);
    accept(bob0, alice1, carol0, bob1, alice0);

    assertThat(selectAll()).containsExactly(alice0, carol0, bob0, bob1, alice1);
  }

  @Test
  void equalFeesGoInOrderOfArrival() {
    Transaction bob = tx(BOB, 0);
    Transaction carol = tx(CAROL, 0);
    Transaction alice = tx(ALICE, 0);
    accept(bob, carol, alice);

    assertThat(selectAll()).containsExactly(bob, carol, alice);
  }

  @Test
  void feesAreComparedAtTheBlocksBaseFee() {
    // at base fee 10: Alice pays 10 + min(8, 12 - 10) = 12, Bob pays 10 + min(3, 20 - 10) = 13
    Transaction alice = tx(ALICE, 0, 8, 12);
    Transaction bob = tx(BOB, 0, 3, 20);
    accept(alice, bob);

    assertThat(select(Long.MAX_VALUE, UInt256.valueOf(10), 10)).containsExactly(bob, alice);
    assertThat(select(Long.MAX_VALUE, UInt256.ZERO, 10)).containsExactly(alice, bob);
  }

  @Test
  void feeCapBelowTheBaseFeeHoldsBackItsSenderButNotOthers() {
    Transaction alice0 = tx(ALICE, 0, 1, 9);
    Transaction alice1 = tx(ALICE, 1, 50, 50);
    Transaction bob0 = tx(BOB, 0, 1, 10);
    accept(alice0, alice1, bob0);

    assertThat(select(Long.MAX_VALUE, UInt256.valueOf(10), 10)).containsExactly(bob0);
  }

  @Test
  void gasLimitEndsASendersTurnButSmallerTransactionsOfOthersStillFit() {
    Transaction alice0 = tx(ALICE, 0, 9, 9, 60_000, 0);
    Transaction alice1 = tx(ALICE, 1, 9, 9, GAS, 0);
    Transaction bob = tx(BOB, 0, 5, 5, 50_000, 0);
    Transaction carol = tx(CAROL, 0, 1, 1, 30_000, 0);
    accept(alice0, alice1, bob, carol);

    // 60 000 + 21 000 leave 34 000: too little for Bob, enough for Carol
    assertThat(select(115_000, NO_BASE_FEE, 10)).containsExactly(alice0, alice1, carol);
    // 60 000 + 21 000 leave 19 000: nobody else fits
    assertThat(select(100_000, NO_BASE_FEE, 10)).containsExactly(alice0, alice1);
    // Alice's nonce 0 does not fit, so her nonce 1 cannot go in although it would fit
    assertThat(select(59_999, NO_BASE_FEE, 10)).containsExactly(bob);
    assertThat(select(0, NO_BASE_FEE, 10)).isEmpty();
  }

  @Test
  void selectionTakesAtMostTheRequestedCount() {
    accept(tx(ALICE, 0), tx(ALICE, 1), tx(BOB, 0));

    assertThat(select(Long.MAX_VALUE, NO_BASE_FEE, 2)).hasSize(2);
    assertThat(select(Long.MAX_VALUE, NO_BASE_FEE, 0)).isEmpty();
  }

  @Test
  void selectionStartsEachSenderAtItsAccountNonceAndLeavesThePoolAsItWas() {
    accept(tx(ALICE, 0), tx(ALICE, 1), tx(ALICE, 2));
    state.nonce(ALICE, 1);

    assertThat(selectAll()).extracting(Transaction::nonce).containsExactly(1L, 2L);
    assertThat(pool.size()).isEqualTo(3);
  }

  @Test
  void selectionLeavesOutSendersNoLongerPermitted() {
    accept(tx(ALICE, 0), tx(BOB, 0));
    state.forbid(ALICE);

    assertThat(pool.selectForBlock(Long.MAX_VALUE, NO_BASE_FEE, 10))
        .extracting(RecoveredTransaction::sender)
        .containsExactly(BOB);
  }

  // ---- after a block ----

  @Test
  void includedTransactionsLeaveThePool() {
    Transaction alice0 = tx(ALICE, 0);
    Transaction alice1 = tx(ALICE, 1);
    accept(alice0, alice1);
    state.nonce(ALICE, 1);

    pool.onBlockCommitted(List.of(alice0));

    assertThat(pool.byHash(alice0.hash())).isEmpty();
    assertThat(pool.size()).isEqualTo(1);
    assertThat(selectAll()).containsExactly(alice1);
  }

  @Test
  void noncesUsedByTransactionsThePoolNeverSawAreDroppedAfterABlock() {
    Transaction alice0 = tx(ALICE, 0);
    Transaction alice1 = tx(ALICE, 1);
    Transaction alice2 = tx(ALICE, 2);
    accept(alice0, alice1, alice2);
    state.nonce(ALICE, 2); // a block from another proposer used nonces 0 and 1 differently

    pool.onBlockCommitted(List.of(tx(ALICE, 0, 7, 7), tx(ALICE, 1, 7, 7)));

    assertThat(pool.byHash(alice0.hash())).isEmpty();
    assertThat(pool.byHash(alice1.hash())).isEmpty();
    assertThat(pool.size()).isEqualTo(1);
    assertThat(pool.nextNonce(ALICE)).isEqualTo(3);
  }

  @Test
  void transactionBehindAGapBecomesExecutableWhenABlockFillsTheGap() {
    Transaction alice1 = tx(ALICE, 1);
    accept(alice1);
    assertThat(selectAll()).isEmpty();
    state.nonce(ALICE, 1);

    pool.onBlockCommitted(List.of(tx(ALICE, 0, 1, 1)));

    assertThat(selectAll()).containsExactly(alice1);
  }

  @Test
  void sendersNoLongerPermittedAreDroppedAfterABlock() {
    accept(tx(ALICE, 0), tx(ALICE, 1), tx(BOB, 0));
    state.forbid(ALICE);

    pool.onBlockCommitted(List.of());

    assertThat(pool.size()).isEqualTo(1);
    assertThat(pool.nextNonce(ALICE)).isZero();
    assertThat(pool.nextNonce(BOB)).isEqualTo(1);
  }

  // ---- threads ----

  @Test
  void concurrentSubmittersAndSelectorsKeepThePoolConsistent() throws InterruptedException {
    int threads = 4;
    int perThread = 200;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    Set<Integer> rejected = ConcurrentHashMap.newKeySet();
    for (int t = 0; t < threads; t++) {
      Address sender = Address.of(0x5000 + t);
      workers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    awaitQuietly(start);
                    for (int n = 0; n < perThread; n++) {
                      if (pool.submit(tx(sender, n)) instanceof SubmitResult.Rejected) {
                        rejected.add(n);
                      }
                    }
                  }));
    }
    workers.add(
        Thread.ofPlatform()
            .start(
                () -> {
                  awaitQuietly(start);
                  for (int i = 0; i < 200; i++) {
                    checkNonceOrder(pool.selectForBlock(Long.MAX_VALUE, NO_BASE_FEE, 10_000));
                  }
                }));
    start.countDown();
    for (Thread worker : workers) {
      worker.join();
    }

    assertThat(rejected).isEmpty();
    assertThat(pool.size()).isEqualTo(threads * perThread);
    List<RecoveredTransaction> all = pool.selectForBlock(Long.MAX_VALUE, NO_BASE_FEE, 10_000);
    assertThat(all).hasSize(threads * perThread);
    checkNonceOrder(all);
  }

  private static void checkNonceOrder(List<RecoveredTransaction> selected) {
    Map<Address, Long> expected = new HashMap<>();
    for (RecoveredTransaction pending : selected) {
      long next = expected.getOrDefault(pending.sender(), 0L);
      assertThat(pending.transaction().nonce()).as("nonce of %s", pending.sender()).isEqualTo(next);
      expected.put(pending.sender(), next + 1);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Head state the test changes at will; every account permitted and rich unless told. */
  private static final class FakeState implements SenderStateView {
    private final Map<Address, Long> nonces = new ConcurrentHashMap<>();
    private final Map<Address, UInt256> balances = new ConcurrentHashMap<>();
    private final Set<Address> forbidden = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Runnable> onNonceRead = new AtomicReference<>();

    void nonce(Address sender, long nonce) {
      nonces.put(sender, nonce);
    }

    void balance(Address sender, long balance) {
      balances.put(sender, UInt256.valueOf(balance));
    }

    void forbid(Address sender) {
      forbidden.add(sender);
    }

    /** Runs {@code afterwards} right after the next nonce read, as a block landing then would. */
    void onNextNonceRead(Runnable afterwards) {
      onNonceRead.set(afterwards);
    }

    @Override
    public long nonce(Address sender) {
      long nonce = nonces.getOrDefault(sender, 0L);
      Runnable afterwards = onNonceRead.getAndSet(null);
      if (afterwards != null) {
        afterwards.run();
      }
      return nonce;
    }

    @Override
    public UInt256 balance(Address sender) {
      return balances.getOrDefault(sender, UInt256.valueOf(1_000_000_000_000L));
    }

    @Override
    public boolean isPermitted(Address sender) {
      return !forbidden.contains(sender);
    }
  }

  @Test
  void aDiscardedTransactionIsNoLongerSelectedAndItsSuccessorsWaitForTheGap() {
    Transaction first = tx(ALICE, 0);
    Transaction second = tx(ALICE, 1);
    accept(first, second, tx(BOB, 0));

    assertThat(pool.discard(first.hash())).isTrue();
    assertThat(pool.discard(first.hash())).isFalse();

    assertThat(pool.byHash(first.hash())).isEmpty();
    assertThat(selectAll()).extracting(Transaction::hash).containsExactly(tx(BOB, 0).hash());
    assertThat(pool.size()).isEqualTo(2);
  }
}

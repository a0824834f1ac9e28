package org.ailedger.node.rpc;

import static org.ailedger.node.rpc.TestTransactions.accessList;
import static org.ailedger.node.rpc.TestTransactions.eip1559;
import static org.ailedger.node.rpc.TestTransactions.legacy;
import static org.ailedger.node.rpc.TestTransactions.log;
import static org.ailedger.node.rpc.TestTransactions.receipt;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.ailedger.node.execution.CallRequest;
import org.ailedger.node.execution.Simulation;
import org.ailedger.node.execution.TransactionSimulator;
import org.ailedger.node.state.Account;
import org.ailedger.node.state.WorldStateReader;
import org.ailedger.node.tx.AccessListEntry;
import org.ailedger.node.tx.RecoveredTransaction;
import org.ailedger.node.tx.RejectionReason;
import org.ailedger.node.tx.Transaction;
import org.ailedger.node.tx.TransactionRejection;
import org.ailedger.node.txpool.PendingTransactions;
import org.ailedger.node.txpool.SubmitResult;
import org.ailedger.precompiles.CallOutcome;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.web3j.crypto.Hash;

/**
 * The backend the RPC tests run against: a chain of five blocks (0 to 4) with every transaction
 * type, logs from the native contracts and one failed transaction, plus a state, a simulator and a
 * pool with fixed, documented answers.
 *
 * <pre>
 * block 0  genesis, no transactions
 * block 1  tx0 legacy   ALICE -> 0x1001, 30 000 gas, log UPDATE(model)
 *          tx1 EIP-1559 BOB   -> 0x1003, 45 000 gas, logs TRANSFER(bob, carol), APPROVAL(bob)
 * block 2  tx0 EIP-2930 ALICE -> 0x1002, failed with Error("dataset is revoked"), 21 000 gas
 * block 3  tx0 EIP-1559 CAROL -> 0x1002, 40 000 gas, log ATTEST(dataset)
 * block 4  no transactions
 * </pre>
 */
public final class FakeBackend {
  public static final UInt256 BASE_FEE = UInt256.valueOf(10);
  public static final Address ALICE = Address.of(0xA11CE);
  public static final Address BOB = Address.of(0xB0B);
  public static final Address CAROL = Address.of(0xCA501);
  public static final Address PERMISSIONS = Address.of(0x1000);
  public static final Address MODEL_REGISTRY = Address.of(0x1001);
  public static final Address DATA_PROVENANCE = Address.of(0x1002);
  public static final Address TOKEN = Address.of(0x1003);
  public static final Bytes32 UPDATE =
      topic("UpdateSubmitted(bytes32,uint64,address,bytes32,uint64)");
  public static final Bytes32 TRANSFER = topic("Transfer(address,address,uint256)");
  public static final Bytes32 APPROVAL = topic("Approval(address,address,uint256)");
  public static final Bytes32 ATTEST = topic("DatasetAttested(bytes32,address)");
  public static final Bytes32 MODEL = Bytes32.fromHexString("0x01");
  public static final Bytes32 DATASET = Bytes32.fromHexString("0x0d");
  public static final String REVERT_REASON = "dataset is revoked";

  /** eth_call selector the simulator answers with 42; {@link #REVERTING} makes it revert. */
  public static final Bytes BALANCE_OF = Bytes.fromHexString("0x70a08231");

  public static final Bytes REVERTING = Bytes.fromHexString("0xdeadbeef");
  public static final String CALL_REVERT_REASON = "round 3 of model 0x01 is closed";
  public static final long CALL_GAS_USED = 1_234;
  public static final long CALL_INTRINSIC_GAS = 21_064;
  public static final Bytes32 SLOT = Bytes32.fromHexString("0x01");
  public static final Bytes32 SLOT_VALUE = Bytes32.fromHexString("0x2a");
  public static final Bytes CODE_MARKER = Bytes.fromHexString("0xfe");

  public final TestChain chain = new TestChain(BASE_FEE);
  public final Transaction pendingTx =
      eip1559(7, 2, 50, TOKEN, Bytes.fromHexString("0xa9059cbb"), List.of());
  public final Map<Bytes, SubmitResult> submissions = new ConcurrentHashMap<>();
  public final AtomicReference<CallRequest> lastCall = new AtomicReference<>();
  public volatile RuntimeException stateFailure;

  /** When set, eth_call and eth_estimateGas wait for it to open, holding their worker thread. */
  public volatile java.util.concurrent.CountDownLatch callGate;

  public FakeBackend() {
    chain.append(List.of(), List.of());
    Transaction update = legacy(0, 20, MODEL_REGISTRY, Bytes.fromHexString("0x1234"));
    Transaction transfer =
        eip1559(
            0,
            5,
            100,
            TOKEN,
            Bytes.fromHexString("0xa9059cbb"),
            List.of(new AccessListEntry(TOKEN, List.of(SLOT))));
    chain.append(
        List.of(update, transfer),
        List.of(
            receipt(
                update,
                ALICE,
                30_000,
                List.of(log(MODEL_REGISTRY, Bytes.fromHexString("0xaa"), UPDATE, MODEL))),
            receipt(
                transfer,
                BOB,
                75_000,
                List.of(
                    log(
                        TOKEN,
                        Bytes32.leftPad(Bytes.of(5)),
                        TRANSFER,
                        BOB.toWord(),
                        CAROL.toWord()),
                    log(TOKEN, Bytes32.leftPad(Bytes.of(9)), APPROVAL, BOB.toWord())))));
    Transaction revoked =
        accessList(1, 30, DATA_PROVENANCE, Bytes.fromHexString("0x5678"), List.of());
    chain.append(
        List.of(revoked),
        List.of(
            TestTransactions.failed(
                revoked, ALICE, 21_000, TestTransactions.errorString(REVERT_REASON))));
    Transaction attest =
        eip1559(0, 1, 20, DATA_PROVENANCE, Bytes.fromHexString("0x9abc"), List.of());
    chain.append(
        List.of(attest),
        List.of(
            receipt(
                attest,
                CAROL,
                40_000,
                List.of(log(DATA_PROVENANCE, Bytes.EMPTY, ATTEST, DATASET)))));
    chain.append(List.of(), List.of());
  }

  /**
   * Appends a block with one legacy transaction from CAROL per emitter, each emitting one log with
   * topic {@link #TRANSFER}, and fires the chain listeners.
   */
  public org.ailedger.node.block.Block appendBlock(Address... emitters) {
    long number = chain.head().number() + 1;
    List<Transaction> txs = new java.util.ArrayList<>();
    List<org.ailedger.node.block.TransactionReceipt> receipts = new java.util.ArrayList<>();
    for (int i = 0; i < emitters.length; i++) {
      Transaction tx = legacy(100 * number + i, 20, emitters[i], Bytes.ofUnsignedLong(number));
      txs.add(tx);
      receipts.add(
          receipt(
              tx,
              CAROL,
              30_000L * (i + 1),
              List.of(log(emitters[i], Bytes.ofUnsignedLong(number), TRANSFER, CAROL.toWord()))));
    }
    return chain.append(txs, receipts);
  }

  public static Bytes32 topic(String signature) {
    return Bytes32.wrap(Hash.sha3(signature.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  public RpcBackend backend() {
    return new RpcBackend(
        chain,
        chain,
        state(),
        simulator(),
        pool(),
        this::submit,
        (stateRoot, address) ->
            address.compareTo(PERMISSIONS) >= 0 && address.compareTo(Address.of(0x1004)) <= 0
                ? CODE_MARKER
                : Bytes.EMPTY,
        PeerSource.none());
  }

  /** ALICE: nonce 1 and 3000 wei from block 1 on, nonce 2 and 1000 wei from block 2 on. */
  private WorldStateReader state() {
    return new WorldStateReader() {
      @Override
      public Optional<Account> account(Bytes32 stateRoot, Address address) {
        if (stateFailure != null) {
          throw stateFailure;
        }
        if (!address.equals(ALICE) || stateRoot.equals(TestChain.stateRoot(0))) {
          return Optional.empty();
        }
        boolean early = stateRoot.equals(TestChain.stateRoot(1));
        return Optional.of(
            new Account(
                early ? 1 : 2,
                UInt256.valueOf(early ? 3000 : 1000),
                Account.EMPTY_TRIE_ROOT,
                Account.EMPTY_CODE_HASH));
      }

      @Override
      public Bytes32 storageAt(Bytes32 stateRoot, Address address, Bytes32 slot) {
        return address.equals(TOKEN) && slot.equals(SLOT) ? SLOT_VALUE : Bytes32.ZERO;
      }
    };
  }

  private TransactionSimulator simulator() {
    return (request, at) -> {
      lastCall.set(request);
      java.util.concurrent.CountDownLatch gate = callGate;
      if (gate != null) {
        try {
          gate.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (request.data().equals(REVERTING)) {
        return new Simulation(
            new CallOutcome(
                false,
                TestTransactions.errorString(CALL_REVERT_REASON),
                500,
                List.of(),
                Optional.of(CALL_REVERT_REASON)),
            CALL_INTRINSIC_GAS);
      }
      if (request.data().equals(BALANCE_OF)) {
        return new Simulation(
            new CallOutcome(
                true, Bytes32.leftPad(Bytes.of(42)), CALL_GAS_USED, List.of(), Optional.empty()),
            CALL_INTRINSIC_GAS);
      }
      return new Simulation(
          new CallOutcome(true, Bytes.EMPTY, 0, List.of(), Optional.empty()), CALL_INTRINSIC_GAS);
    };
  }

  /** One pooled transaction from BOB; BOB's pending nonce is 8. */
  private PendingTransactions pool() {
    return new PendingTransactions() {
      @Override
      public SubmitResult submit(Transaction transaction) {
        throw new UnsupportedOperationException("JSON-RPC submits raw bytes");
      }

      @Override
      public long nextNonce(Address sender) {
        return sender.equals(BOB) ? 8 : 0;
      }

      @Override
      public Optional<RecoveredTransaction> byHash(Bytes32 hash) {
        return hash.equals(pendingTx.hash())
            ? Optional.of(new RecoveredTransaction(pendingTx, BOB, 1))
            : Optional.empty();
      }

      @Override
      public int size() {
        return 1;
      }
    };
  }

  /** Answers from {@link #submissions}; anything else does not decode. */
  private SubmitResult submit(Bytes raw) {
    return submissions.getOrDefault(
        raw,
        new SubmitResult.Rejected(
            new TransactionRejection(
                RejectionReason.MALFORMED, "rlp: expected a list or a typed envelope")));
  }
}

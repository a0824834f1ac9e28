package org.ailedger.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ailedger.node.app.LedgerBindings;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.block.TransactionReceipt;
import org.ailedger.node.consensus.qbft.BlockCreator;
import org.ailedger.node.consensus.qbft.CommitSeals;
import org.ailedger.node.consensus.qbft.SealVerifier;
import org.ailedger.node.crypto.BouncyCastleSecp256k1;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.crypto.Secp256k1;
import org.ailedger.node.execution.BlockProcessor;
import org.ailedger.node.execution.TransactionProcessor;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.node.genesis.DevnetGenesis;
import org.ailedger.node.genesis.GenesisBlockFactory;
import org.ailedger.node.genesis.GenesisConfig;
import org.ailedger.node.genesis.GenesisParser;
import org.ailedger.node.genesis.GenesisState;
import org.ailedger.node.genesis.GenesisWriter;
import org.ailedger.node.state.WorldStateArchive;
import org.ailedger.node.storage.Column;
import org.ailedger.node.storage.InMemoryKeyValueStore;
import org.ailedger.node.storage.KeyValueStore;
import org.ailedger.node.storage.WriteBatch;
import org.ailedger.node.tx.RecoveredTransaction;
import org.ailedger.node.tx.SenderRecovery;
import org.ailedger.node.tx.Signature;
import org.ailedger.node.tx.StatelessChecks;
import org.ailedger.node.tx.Transaction;
import org.ailedger.node.tx.TransactionSigner;
import org.ailedger.node.tx.TransactionType;
import org.ailedger.node.tx.TransactionValidator;
import org.ailedger.node.tx.UnsignedTransaction;
import org.ailedger.precompiles.NativeContracts;
import org.ailedger.precompiles.execution.NativeCallExecutor;
import org.ailedger.precompiles.gas.GasSchedule;
import org.ailedger.precompiles.permissions.Role;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;

/**
 * A block built and sealed by one validator is imported by another node that re-executes it from
 * scratch, and both end with the same head and state. This is the path peers will use.
 */
class BlockImporterTest {
  private static final Address PERMISSIONS = Address.of(0x1000);
  private final Secp256k1 secp256k1 = new BouncyCastleSecp256k1();
  private final GenesisConfig genesis =
      new GenesisParser().parse(new GenesisWriter().write(DevnetGenesis.spec(1)));
  private final Clock clock =
      Clock.fixed(Instant.ofEpochSecond(DevnetGenesis.TIMESTAMP + 60), ZoneOffset.UTC);
  private final KeyPair validator = DevAccounts.validator(0);

  private final class Node {
    final KeyValueStore store;
    final WorldStateArchive archive;
    final NativeContracts contracts = NativeContracts.standard();
    final LedgerBindings bindings = new LedgerBindings();
    final BlockProcessor processor;
    final DefaultBlockchain chain;
    final Block genesisBlock;
    final org.ailedger.node.state.StateCommit genesisState;
    final CommitSeals seals = new CommitSeals(secp256k1);
    final BlockImporter importer;
    final BlockCreator creator;
    // how many transactions this node's processor has executed, seen through its allowlist check
    final java.util.concurrent.atomic.AtomicInteger executedTransactions =
        new java.util.concurrent.atomic.AtomicInteger();
    final CountedTimings timings = new CountedTimings();

    Node() {
      this(new InMemoryKeyValueStore());
    }

    Node(KeyValueStore store) {
      this.store = store;
      archive = new WorldStateArchive(store);
      processor =
          new BlockProcessor(
              archive,
              new TransactionProcessor(
                  contracts,
                  new NativeCallExecutor(contracts, GasSchedule.DEFAULT),
                  (state, account) -> {
                    executedTransactions.incrementAndGet();
                    return bindings.isAccountAllowed(state, account);
                  }),
              bindings::validators);
      GenesisState genesisState = new GenesisBlockFactory(archive, bindings::seed).create(genesis);
      genesisBlock = genesisState.block();
      this.genesisState = genesisState.state();
      chain = DefaultBlockchain.open(store, 1337, genesisBlock, this.genesisState);
      importer =
          new BlockImporter(
              chain,
              processor,
              new HeaderRules(
                  new HeaderRulesConfig(genesis.qbft().blockPeriodSeconds(), genesis.baseFee()),
                  clock),
              new SealVerifier(seals),
              new StatelessChecks(
                  new TransactionValidator(1337, genesis.gasLimit()),
                  new SenderRecovery(secp256k1)),
              timings);
      creator = new BlockCreator(processor, seals, 1337);
    }

    /** This node's validator proposing an empty block on its head, one period after genesis. */
    BlockCreator.Proposal emptyProposal(int round) {
      return creator.propose(
          chain.head(), List.of(), DevnetGenesis.TIMESTAMP + 1, round, validator, UInt256.ZERO);
    }
  }

  /** Counts what the importer timed; the durations themselves depend on the machine. */
  private static final class CountedTimings implements BlockTimings {
    final java.util.concurrent.atomic.AtomicInteger built =
        new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicInteger executed =
        new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicInteger imported =
        new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public void built(long nanos) {
      built.incrementAndGet();
    }

    @Override
    public void executed(long nanos) {
      assertThat(nanos).isPositive();
      executed.incrementAndGet();
    }

    @Override
    public void imported(long nanos) {
      assertThat(nanos).isPositive();
      imported.incrementAndGet();
    }
  }

  /** A store that runs a probe right after each batch commits, before the writer goes on. */
  private static final class ProbedStore implements KeyValueStore {
    private final InMemoryKeyValueStore delegate = new InMemoryKeyValueStore();
    private Runnable afterCommit = () -> {};
    private final List<Column> reads = new ArrayList<>();

    void afterCommit(Runnable probe) {
      afterCommit = probe;
    }

    @Override
    public Optional<Bytes> get(Column column, Bytes key) {
      reads.add(column);
      return delegate.get(column, key);
    }

    @Override
    public WriteBatch batch() {
      WriteBatch batch = delegate.batch();
      return new WriteBatch() {
        @Override
        public WriteBatch put(Column column, Bytes key, Bytes value) {
          batch.put(column, key, value);
          return this;
        }

        @Override
        public WriteBatch delete(Column column, Bytes key) {
          batch.delete(column, key);
          return this;
        }

        @Override
        public void commit() {
          batch.commit();
          afterCommit.run();
        }
      };
    }

    @Override
    public void close() {
      delegate.close();
    }
  }

  /** {@code sender} renouncing each role in turn, nonces from 0, as pool candidates. */
  private List<RecoveredTransaction> renouncing(KeyPair sender, Role... roles) {
    List<RecoveredTransaction> candidates = new ArrayList<>();
    for (int nonce = 0; nonce < roles.length; nonce++) {
      candidates.add(
          new RecoveredTransaction(
              renounce(sender, nonce, roles[nonce]), sender.address(), candidates.size()));
    }
    return candidates;
  }

  private Transaction renounce(KeyPair sender, long nonce, Role role) {
    String data =
        FunctionEncoder.encode(
            new Function(
                "renounceRole", List.of(new Bytes32(role.id().toArrayUnsafe())), List.of()));
    UnsignedTransaction unsigned =
        UnsignedTransaction.eip1559(
            nonce,
            UInt256.ZERO,
            UInt256.ZERO,
            100_000,
            PERMISSIONS,
            UInt256.ZERO,
            Bytes.fromHexString(data),
            List.of());
    return new TransactionSigner(secp256k1).sign(unsigned, 1337, sender);
  }

  @Test
  void aPeerReExecutesASealedBlockToTheSameStateAndReceipts() {
    Node producer = new Node();
    Node follower = new Node();
    KeyPair contributor = DevAccounts.account(2);
    KeyPair stranger = DevAccounts.account(500);
    List<RecoveredTransaction> candidates =
        List.of(
            new RecoveredTransaction(
                renounce(contributor, 0, Role.CONTRIBUTOR), contributor.address(), 0),
            new RecoveredTransaction(
                renounce(contributor, 1, Role.AUDITOR), contributor.address(), 1),
            new RecoveredTransaction(
                renounce(stranger, 0, Role.CONTRIBUTOR), stranger.address(), 2));

    BlockCreator.Proposal proposal =
        producer.creator.propose(
            producer.chain.head(),
            candidates,
            DevnetGenesis.TIMESTAMP + 1,
            0,
            validator,
            UInt256.ZERO);
    Block sealed = producer.creator.seal(proposal.block(), validator);

    assertThat(producer.importer.importExecuted(sealed, proposal.executed()))
        .isInstanceOf(ImportResult.Imported.class);
    assertThat(follower.importer.importBlock(sealed)).isInstanceOf(ImportResult.Imported.class);

    assertThat(follower.chain.head()).isEqualTo(producer.chain.head());
    assertThat(sealed.transactions()).as("the stranger is not on the allowlist").hasSize(2);
    List<TransactionReceipt> receipts = follower.chain.receipts(sealed.header().hash());
    assertThat(receipts).extracting(TransactionReceipt::success).containsExactly(true, false);
    assertThat(receipts.get(0).logs()).hasSize(1);
    assertThat(receipts.get(1).revertData()).isPresent();
    assertThat(follower.chain.transactionLocation(sealed.transactions().get(1).hash()))
        .contains(new TransactionLocation(sealed.header().hash(), 1, 1));
    assertThat(
            follower
                .archive
                .account(follower.chain.head().stateRoot(), contributor.address())
                .orElseThrow()
                .nonce())
        .isEqualTo(2);
  }

  @Test
  void aPeersUnsealedProposalIsCheckedWithoutBeingKeptAndItsExecutionServesTheImport() {
    Node producer = new Node();
    Node follower = new Node();
    KeyPair contributor = DevAccounts.account(2);
    BlockCreator.Proposal proposal =
        producer.creator.propose(
            producer.chain.head(),
            renouncing(contributor, Role.CONTRIBUTOR, Role.AUDITOR),
            DevnetGenesis.TIMESTAMP + 1,
            0,
            validator,
            UInt256.ZERO);
    org.apache.tuweni.bytes.Bytes32 genesisHash = follower.chain.head().hash();

    ProposalCheck check = follower.importer.checkProposal(proposal.block());

    assertThat(check).isInstanceOf(ProposalCheck.Executed.class);
    assertThat(follower.chain.head().hash()).isEqualTo(genesisHash);
    int executedByCheck = follower.executedTransactions.get();
    assertThat(executedByCheck).isPositive();
    Block sealed = follower.creator.seal(proposal.block(), validator);
    assertThat(follower.importer.importBlock(sealed)).isInstanceOf(ImportResult.Imported.class);
    assertThat(follower.executedTransactions.get()).isEqualTo(executedByCheck);
    assertThat(producer.importer.importBlock(sealed)).isInstanceOf(ImportResult.Imported.class);
    assertThat(follower.chain.head()).isEqualTo(producer.chain.head());
  }

  @Test
  void eachBlockIsTimedOnceWhenExecutedAndOnceWhenImportedButNotWhenAlreadyKnown() {
    Node producer = new Node();
    Node follower = new Node();
    BlockCreator.Proposal proposal =
        producer.creator.propose(
            producer.chain.head(),
            renouncing(DevAccounts.account(2), Role.CONTRIBUTOR),
            DevnetGenesis.TIMESTAMP + 1,
            0,
            validator,
            UInt256.ZERO);
    Block sealed = producer.creator.seal(proposal.block(), validator);

    follower.importer.checkProposal(proposal.block());
    follower.importer.importBlock(sealed);
    follower.importer.importBlock(sealed);
    producer.importer.importExecuted(sealed, proposal.executed());

    assertThat(follower.timings.executed).hasValue(1);
    assertThat(follower.timings.imported).hasValue(1);
    assertThat(producer.timings.executed).hasValue(0);
    assertThat(producer.timings.imported).hasValue(1);
  }

  @Test
  void aBlockThisNodeBuiltAndRememberedIsImportedWithoutRunningItAgain() {
    Node producer = new Node();
    BlockCreator.Proposal proposal =
        producer.creator.propose(
            producer.chain.head(),
            renouncing(DevAccounts.account(2), Role.CONTRIBUTOR),
            DevnetGenesis.TIMESTAMP + 1,
            0,
            validator,
            UInt256.ZERO);
    int executedByBuild = producer.executedTransactions.get();
    producer.importer.remember(proposal.block(), proposal.executed());

    Block sealed = producer.creator.seal(proposal.block(), validator);

    assertThat(producer.importer.importBlock(sealed)).isInstanceOf(ImportResult.Imported.class);
    assertThat(producer.executedTransactions.get()).isEqualTo(executedByBuild);
  }

  @Test
  void aProposalWithAWrongRootIsRejectedBeforeItIsSealed() {
    Node producer = new Node();
    Node follower = new Node();
    BlockCreator.Proposal proposal =
        producer.creator.propose(
            producer.chain.head(),
            renouncing(DevAccounts.account(2), Role.CONTRIBUTOR),
            DevnetGenesis.TIMESTAMP + 1,
            0,
            validator,
            UInt256.ZERO);
    BlockHeader h = proposal.block().header();
    BlockHeader wrongRoot =
        new BlockHeader(
            h.parentHash(),
            h.ommersHash(),
            h.coinbase(),
            h.transactionsRoot(),
            h.transactionsRoot(),
            h.receiptsRoot(),
            h.logsBloom(),
            h.difficulty(),
            h.number(),
            h.gasLimit(),
            h.gasUsed(),
            h.timestamp(),
            h.extraData(),
            h.mixHash(),
            h.nonce(),
            h.baseFee());

    assertThat(
            follower.importer.checkProposal(new Block(wrongRoot, proposal.block().transactions())))
        .isInstanceOfSatisfying(
            ProposalCheck.Rejected.class,
            r ->
                assertThat(r.rejection().reason())
                    .isEqualTo(BlockRejection.Reason.STATE_ROOT_MISMATCH));
  }

  @Test
  void aProposerOutOfTimeIncludesWhatItRanAndLeavesTheRestUntriedForTheNextBlock() {
    Node producer = new Node();
    Node follower = new Node();
    KeyPair contributor = DevAccounts.account(2);
    List<RecoveredTransaction> candidates =
        renouncing(contributor, Role.CONTRIBUTOR, Role.AUDITOR, Role.MODEL_OWNER);
    int[] asked = {0};

    BlockCreator.Proposal proposal =
        producer.creator.propose(
            producer.chain.head(),
            candidates,
            DevnetGenesis.TIMESTAMP + 1,
            0,
            validator,
            UInt256.ZERO,
            () -> ++asked[0] >= 2);

    assertThat(proposal.block().transactions())
        .containsExactly(candidates.get(0).transaction(), candidates.get(1).transaction());
    assertThat(proposal.executed().leftOut())
        .as("untried candidates are not rejections: they stay pooled")
        .isEmpty();
    Block sealed = producer.creator.seal(proposal.block(), validator);
    assertThat(producer.importer.importExecuted(sealed, proposal.executed()))
        .isInstanceOf(ImportResult.Imported.class);
    assertThat(follower.importer.importBlock(sealed)).isInstanceOf(ImportResult.Imported.class);
    assertThat(follower.chain.head()).isEqualTo(producer.chain.head());
  }

  @Test
  void aProposerOutOfTimeStillIncludesOneTransaction() {
    Node producer = new Node();
    KeyPair contributor = DevAccounts.account(2);
    List<RecoveredTransaction> candidates = renouncing(contributor, Role.CONTRIBUTOR, Role.AUDITOR);

    BlockCreator.Proposal proposal =
        producer.creator.propose(
            producer.chain.head(),
            candidates,
            DevnetGenesis.TIMESTAMP + 1,
            0,
            validator,
            UInt256.ZERO,
            () -> true);

    assertThat(proposal.block().transactions()).containsExactly(candidates.get(0).transaction());
  }

  @Test
  void receiptsOfARecentBlockAreServedFromMemoryAndEqualTheStoredOnes() {
    ProbedStore store = new ProbedStore();
    Node node = new Node(store);
    KeyPair contributor = DevAccounts.account(2);
    BlockCreator.Proposal proposal =
        node.creator.propose(
            node.chain.head(),
            renouncing(contributor, Role.CONTRIBUTOR, Role.AUDITOR),
            DevnetGenesis.TIMESTAMP + 1,
            0,
            validator,
            UInt256.ZERO);
    Block sealed = node.creator.seal(proposal.block(), validator);
    assertThat(node.importer.importExecuted(sealed, proposal.executed()))
        .isInstanceOf(ImportResult.Imported.class);
    org.apache.tuweni.bytes.Bytes32 hash = sealed.header().hash();

    store.reads.clear();
    List<TransactionReceipt> served = node.chain.receipts(hash);
    Optional<Block> block = node.chain.block(hash);
    assertThat(store.reads).doesNotContain(Column.RECEIPTS, Column.BODIES);

    // a node opened afresh on the same store has nothing in memory and decodes from storage
    DefaultBlockchain reopened =
        DefaultBlockchain.open(store, 1337, node.genesisBlock, node.genesisState);
    assertThat(served).hasSize(2).isEqualTo(reopened.receipts(hash));
    assertThat(block).isEqualTo(reopened.block(hash));
    assertThat(store.reads).contains(Column.RECEIPTS, Column.BODIES);
  }

  @Test
  void aTransactionIsNotFoundBeforeTheHeadThatIncludesIt() {
    ProbedStore store = new ProbedStore();
    Node node = new Node(store);
    KeyPair contributor = DevAccounts.account(2);
    Transaction renounce = renounce(contributor, 0, Role.CONTRIBUTOR);
    BlockCreator.Proposal proposal =
        node.creator.propose(
            node.chain.head(),
            List.of(new RecoveredTransaction(renounce, contributor.address(), 0)),
            DevnetGenesis.TIMESTAMP + 1,
            0,
            validator,
            UInt256.ZERO);
    Block sealed = node.creator.seal(proposal.block(), validator);
    List<Optional<TransactionLocation>> seenInTheGap = new ArrayList<>();
    // a wallet that saw the receipt here would number its next transaction from the old head
    store.afterCommit(() -> seenInTheGap.add(node.chain.transactionLocation(renounce.hash())));

    assertThat(node.importer.importExecuted(sealed, proposal.executed()))
        .isInstanceOf(ImportResult.Imported.class);

    assertThat(seenInTheGap).containsExactly(Optional.empty());
    assertThat(node.chain.transactionLocation(renounce.hash()))
        .contains(new TransactionLocation(sealed.header().hash(), 1, 0));
  }

  @Test
  void aBlockWithoutAQuorumOfSealsIsRejected() {
    Node producer = new Node();
    BlockCreator.Proposal proposal = producer.emptyProposal(0);

    ImportResult result = new Node().importer.importBlock(proposal.block());

    assertThat(reasonOf(result)).isEqualTo(BlockRejection.Reason.TOO_FEW_SEALS);
  }

  @Test
  void aBlockSealedByANonValidatorIsRejected() {
    Node producer = new Node();
    BlockCreator.Proposal proposal = producer.emptyProposal(0);
    Block forged = producer.creator.seal(proposal.block(), DevAccounts.account(0));

    ImportResult result = new Node().importer.importBlock(forged);

    assertThat(reasonOf(result)).isEqualTo(BlockRejection.Reason.SEAL_BY_NON_VALIDATOR);
  }

  @Test
  void aBlockWhoseStateRootWasTamperedWithIsRejected() {
    Node producer = new Node();
    BlockCreator.Proposal proposal = producer.emptyProposal(0);
    var h = proposal.block().header();
    var tampered =
        new org.ailedger.node.block.BlockHeader(
            h.parentHash(),
            h.ommersHash(),
            h.coinbase(),
            org.apache.tuweni.bytes.Bytes32.ZERO,
            h.transactionsRoot(),
            h.receiptsRoot(),
            h.logsBloom(),
            h.difficulty(),
            h.number(),
            h.gasLimit(),
            h.gasUsed(),
            h.timestamp(),
            h.extraData(),
            h.mixHash(),
            h.nonce(),
            h.baseFee());
    Block sealed = producer.creator.seal(new Block(tampered, List.of()), validator);

    ImportResult result = new Node().importer.importBlock(sealed);

    assertThat(reasonOf(result)).isEqualTo(BlockRejection.Reason.STATE_ROOT_MISMATCH);
  }

  @Test
  void aBlockCarryingATransactionForAnotherChainIsRejectedBeforeExecution() {
    Transaction otherChain =
        new TransactionSigner(secp256k1).sign(renounceCall(0), 1, DevAccounts.account(2));

    assertThat(reasonOf(new Node().importer.importBlock(sealedEmptyBlockCarrying(otherChain))))
        .isEqualTo(BlockRejection.Reason.INVALID_TRANSACTION);
  }

  @Test
  void aBlockCarryingAHighSTransactionIsRejected() {
    Transaction lowS = renounce(DevAccounts.account(2), 0, Role.CONTRIBUTOR);
    Signature sig = lowS.signature();
    Transaction highS =
        new Transaction(
            lowS.type(),
            lowS.chainId(),
            lowS.nonce(),
            lowS.maxPriorityFeePerGas(),
            lowS.maxFeePerGas(),
            lowS.gasLimit(),
            lowS.to(),
            lowS.value(),
            lowS.data(),
            lowS.accessList(),
            new Signature(sig.r(), Secp256k1.CURVE_ORDER.subtract(sig.s()), sig.recId() ^ 1));

    ImportResult result = new Node().importer.importBlock(sealedEmptyBlockCarrying(highS));

    assertThat(reasonOf(result)).isEqualTo(BlockRejection.Reason.INVALID_TRANSACTION);
    assertThat(((ImportResult.Rejected) result).rejection().message()).contains("EIP-2");
  }

  @Test
  void aBlockCarryingAContractCreationIsRejectedInsteadOfFailingExecution() {
    UnsignedTransaction creation =
        new UnsignedTransaction(
            TransactionType.EIP1559,
            0,
            UInt256.ZERO,
            UInt256.ZERO,
            100_000,
            Optional.empty(),
            UInt256.ZERO,
            Bytes.fromHexString("0x6000"),
            List.of());
    Transaction tx = new TransactionSigner(secp256k1).sign(creation, 1337, DevAccounts.account(2));

    assertThat(reasonOf(new Node().importer.importBlock(sealedEmptyBlockCarrying(tx))))
        .isEqualTo(BlockRejection.Reason.INVALID_TRANSACTION);
  }

  @Test
  void aBadSealIsFoundBeforeAnyTransactionIsLookedAt() {
    Node producer = new Node();
    BlockCreator.Proposal proposal = producer.emptyProposal(0);
    Transaction otherChain =
        new TransactionSigner(secp256k1).sign(renounceCall(0), 1, DevAccounts.account(2));
    Block unsealedWithBadTx = new Block(proposal.block().header(), List.of(otherChain));

    assertThat(reasonOf(new Node().importer.importBlock(unsealedWithBadTx)))
        .isEqualTo(BlockRejection.Reason.TOO_FEW_SEALS);
  }

  @Test
  void aBlockCommittedInALaterRoundKeepsTheHashOfRoundZeroAndItsSealsBindTheRound() {
    Node producer = new Node();
    Block round0 = producer.emptyProposal(0).block();
    BlockCreator.Proposal round2 = producer.emptyProposal(2);
    Block sealed = producer.creator.seal(round2.block(), validator);

    assertThat(sealed.header().hash()).isEqualTo(round0.header().hash());
    assertThat(round2.block().header().committedSealHash())
        .isNotEqualTo(round0.header().committedSealHash());
    // a seal made in round 2 does not count for the same block claiming round 0
    Block replayed =
        new Block(
            round0
                .header()
                .withExtraData(
                    round0
                        .header()
                        .qbftExtraData()
                        .withSeals(sealed.header().qbftExtraData().seals())
                        .encode()),
            List.of());
    assertThat(reasonOf(new Node().importer.importBlock(replayed)))
        .isEqualTo(BlockRejection.Reason.SEAL_BY_NON_VALIDATOR);
    assertThat(new Node().importer.importBlock(sealed)).isInstanceOf(ImportResult.Imported.class);
  }

  @Test
  void aBlockThatConsensusAndSyncBothBringIsImportedOnceAndThenKnown() {
    Node producer = new Node();
    Node follower = new Node();
    BlockCreator.Proposal proposal = producer.emptyProposal(0);
    Block sealed = producer.creator.seal(proposal.block(), validator);

    assertThat(follower.importer.importBlock(sealed)).isInstanceOf(ImportResult.Imported.class);
    assertThat(follower.importer.importBlock(sealed)).isInstanceOf(ImportResult.AlreadyKnown.class);
    assertThat(producer.importer.importExecuted(sealed, proposal.executed()))
        .isInstanceOf(ImportResult.Imported.class);
    assertThat(producer.importer.importExecuted(sealed, proposal.executed()))
        .isInstanceOf(ImportResult.AlreadyKnown.class);
    assertThat(follower.chain.head()).isEqualTo(producer.chain.head());
  }

  /** A valid sealed empty block whose body is swapped for {@code tx}; its header stays sealed. */
  private Block sealedEmptyBlockCarrying(Transaction tx) {
    Node producer = new Node();
    BlockCreator.Proposal proposal = producer.emptyProposal(0);
    Block sealed = producer.creator.seal(proposal.block(), validator);
    return new Block(sealed.header(), List.of(tx));
  }

  private static UnsignedTransaction renounceCall(long nonce) {
    String data =
        FunctionEncoder.encode(
            new Function(
                "renounceRole",
                List.of(new Bytes32(Role.CONTRIBUTOR.id().toArrayUnsafe())),
                List.of()));
    return UnsignedTransaction.eip1559(
        nonce,
        UInt256.ZERO,
        UInt256.ZERO,
        100_000,
        PERMISSIONS,
        UInt256.ZERO,
        Bytes.fromHexString(data),
        List.of());
  }

  private static BlockRejection.Reason reasonOf(ImportResult result) {
    assertThat(result).isInstanceOf(ImportResult.Rejected.class);
    return ((ImportResult.Rejected) result).rejection().reason();
  }
}

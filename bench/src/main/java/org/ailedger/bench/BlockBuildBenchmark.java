package org.ailedger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ailedger.bench.load.Calls;
import org.ailedger.bench.load.Presigner;
import org.ailedger.bench.load.RoundInputs;
import org.ailedger.node.app.ChainCore;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.block.TransactionReceipt;
import org.ailedger.node.chain.BlockImporter;
import org.ailedger.node.chain.DefaultBlockchain;
import org.ailedger.node.chain.ImportResult;
import org.ailedger.node.consensus.qbft.BlockCreator;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.crypto.Secp256k1;
import org.ailedger.node.crypto.Secp256k1s;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.node.genesis.DevnetGenesis;
import org.ailedger.node.genesis.GenesisConfig;
import org.ailedger.node.genesis.GenesisParser;
import org.ailedger.node.genesis.GenesisWriter;
import org.ailedger.node.storage.RocksDbKeyValueStore;
import org.ailedger.node.storage.StorageConfig;
import org.ailedger.node.tx.KnownSenders;
import org.ailedger.node.tx.RecoveredTransaction;
import org.ailedger.node.tx.TransactionSigner;
import org.ailedger.node.tx.UnsignedTransaction;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The validator's side of a block full of {@code submitUpdate} calls, without JSON-RPC or the pool
 * in the way: executing the transactions on the head's state, committing the state tries, and the
 * transaction and receipt roots — what {@link BlockCreator#propose} does. The chain sits on RocksDB
 * in a temporary directory and is prepared with real blocks as the load generator prepares the
 * devnet: a dataset, one model per submission of a sender, round 1 of each open. Every invocation
 * builds the same block on the same head, so each one reads the state from the store as a new block
 * would.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BlockBuildBenchmark {
  private static final int SENDERS = 128;
  private static final long CHAIN_ID = 1337;
  private static final long SUBMIT_GAS = 280_000;
  private static final long SETUP_GAS = 500_000;

  /** Submissions in the block; 3,000 is near the devnet's gas-full block. */
  @Param({"3000"})
  public int transactions;

  private final Secp256k1 secp256k1 = Secp256k1s.best();
  private final TransactionSigner signer = new TransactionSigner(secp256k1);
  private final KeyPair validator = DevAccounts.validator(0);
  private Path directory;
  private RocksDbKeyValueStore store;
  private DefaultBlockchain chain;
  private BlockCreator creator;
  private BlockImporter importer;
  private List<RecoveredTransaction> submissions;

  @Setup(Level.Trial)
  public void prepareChain() throws IOException {
    directory = Files.createTempDirectory("ailedger-block-bench");
    store = RocksDbKeyValueStore.open(StorageConfig.of(directory));
    GenesisConfig genesis =
        new GenesisParser().parse(new GenesisWriter().write(DevnetGenesis.spec(1)));
    ChainCore core = ChainCore.open(store, genesis, secp256k1, Clock.systemUTC());
    chain = core.chain();
    creator = core.creator();
    importer = core.importer(KnownSenders.NONE);

    int perSender = (transactions + SENDERS - 1) / SENDERS;
    RoundInputs inputs = new RoundInputs("block-bench", perSender);
    KeyPair aggregator = DevAccounts.account(1);
    commit(DevAccounts.account(2), NativeAddresses.DATA_PROVENANCE, List.of(inputs.attest()));
    commit(
        DevAccounts.account(0),
        NativeAddresses.MODEL_REGISTRY,
        inputs.registerModels(aggregator.address()));
    commit(aggregator, NativeAddresses.MODEL_REGISTRY, inputs.openRounds(1_000_000));

    Calls calls = inputs.submissions(SUBMIT_GAS);
    submissions = new ArrayList<>(transactions);
    for (int k = 0; k < perSender; k++) {
      for (int s = 0; s < SENDERS && submissions.size() < transactions; s++) {
        KeyPair sender = Presigner.senderKey(s);
        submissions.add(
            pending(
                sender, k, calls.to(s, k), calls.data(s, k), calls.gasLimit(), submissions.size()));
      }
    }
    BlockCreator.Proposal check = build();
    long succeeded =
        check.executed().receipts().stream().filter(TransactionReceipt::success).count();
    if (succeeded != transactions) {
      throw new IllegalStateException(
          succeeded + " of " + transactions + " submissions succeed; the setup is wrong");
    }
  }

  @Benchmark
  public BlockCreator.Proposal build() {
    BlockHeader head = chain.head();
    return creator.propose(head, submissions, head.timestamp() + 1, 0, validator, UInt256.ZERO);
  }

  @TearDown(Level.Trial)
  public void removeChain() throws Exception {
    store.close();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** Puts {@code inputs} from {@code sender} in one block on the head; each must succeed. */
  private void commit(KeyPair sender, Address to, List<Bytes> inputs) {
    List<RecoveredTransaction> block = new ArrayList<>();
    for (int nonce = 0; nonce < inputs.size(); nonce++) {
      block.add(pending(sender, nonce, to, inputs.get(nonce), SETUP_GAS, nonce));
    }
    BlockHeader head = chain.head();
    BlockCreator.Proposal proposal =
        creator.propose(head, block, head.timestamp() + 1, 0, validator, UInt256.ZERO);
    if (!proposal.executed().receipts().stream().allMatch(TransactionReceipt::success)
        || proposal.executed().included().size() != inputs.size()) {
      throw new IllegalStateException("a setup transaction to " + to + " failed");
    }
    Block sealed = creator.seal(proposal.block(), validator);
    if (!(importer.importExecuted(sealed, proposal.executed()) instanceof ImportResult.Imported)) {
      throw new IllegalStateException("setup block " + sealed.number() + " was not imported");
    }
  }

  private RecoveredTransaction pending(
      KeyPair sender, long nonce, Address to, Bytes data, long gasLimit, long sequence) {
    UnsignedTransaction unsigned =
        UnsignedTransaction.eip1559(
            nonce, UInt256.ZERO, UInt256.ZERO, gasLimit, to, UInt256.ZERO, data, List.of());
    return new RecoveredTransaction(
        signer.sign(unsigned, CHAIN_ID, sender), sender.address(), sequence);
  }
}

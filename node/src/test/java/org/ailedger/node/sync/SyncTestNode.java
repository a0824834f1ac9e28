package org.ailedger.node.sync;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.ailedger.node.app.ChainCore;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.chain.BlockImporter;
import org.ailedger.node.chain.DefaultBlockchain;
import org.ailedger.node.chain.ImportResult;
import org.ailedger.node.consensus.qbft.BlockCreator;
import org.ailedger.node.crypto.BouncyCastleSecp256k1;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.crypto.Secp256k1;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.node.genesis.DevnetGenesis;
import org.ailedger.node.genesis.GenesisConfig;
import org.ailedger.node.genesis.GenesisParser;
import org.ailedger.node.genesis.GenesisWriter;
import org.ailedger.node.p2p.eth.EthRequestServer;
import org.ailedger.node.p2p.eth.EthSessions;
import org.ailedger.node.p2p.eth.FakePool;
import org.ailedger.node.p2p.eth.StatusExchange;
import org.ailedger.node.state.WorldStateArchive;
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
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;

/**
 * A node of a one-validator devnet on an in-memory store with the whole eth stack: sessions,
 * request serving, block propagation and sync. Imports run on the calling thread.
 */
public final class SyncTestNode {
  static final long CHAIN_ID = 1337;
  static final KeyPair VALIDATOR = DevAccounts.validator(0);
  static final Secp256k1 SECP256K1 = new BouncyCastleSecp256k1();
  private static final GenesisConfig GENESIS =
      new GenesisParser().parse(new GenesisWriter().write(DevnetGenesis.spec(1)));
  // late enough for every block the tests produce, one per second from genesis
  private static final Clock CLOCK =
      Clock.fixed(Instant.ofEpochSecond(DevnetGenesis.TIMESTAMP + 100_000), ZoneOffset.UTC);
  private static final Address PERMISSIONS = Address.of(0x1000);

  final InMemoryKeyValueStore store;
  public final DefaultBlockchain chain;
  final WorldStateArchive archive;
  final BlockImporter importer;
  final StatusExchange status;
  final Synchronizer sync;
  final BlockPropagator propagator;
  final EthSessions sessions;
  final List<Boolean> syncingChanges = new CopyOnWriteArrayList<>();
  final List<SyncProgress> progressAtStart = new CopyOnWriteArrayList<>();
  private final BlockCreator creator;
  private final KeyPair sender = DevAccounts.account(2);
  private long nonce;

  public SyncTestNode(Timeouts timeouts) {
    this(timeouts, SyncConfig.DEFAULT);
  }

  SyncTestNode(Timeouts timeouts, SyncConfig config) {
    this(timeouts, config, Runnable::run, new InMemoryKeyValueStore());
  }

  /** A node on {@code store}, which may hold a chain already, as after a restart. */
  SyncTestNode(
      Timeouts timeouts, SyncConfig config, Executor importExecutor, InMemoryKeyValueStore store) {
    this.store = store;
    ChainCore core = ChainCore.open(store, GENESIS, SECP256K1, CLOCK);
    archive = core.archive();
    chain = core.chain();
    importer = core.importer(KnownSenders.NONE);
    creator = core.creator();
    status = new StatusExchange(chain);
    sync = new Synchronizer(chain, importer, status, config, timeouts, importExecutor);
    sync.onSyncingChanged(
        syncing -> {
          syncingChanges.add(syncing);
          sync.progress().ifPresent(progressAtStart::add);
        });
    propagator = new BlockPropagator(status, sync::isSyncing);
    chain.onBlockAdded(propagator::blockAdded);
    sessions =
        new EthSessions(
            status, new EthRequestServer(chain, new FakePool()), List.of(propagator, sync));
  }

  /** Seals {@code count} blocks as the validator; every tenth carries a transaction. */
  public void produce(int count) {
    for (int i = 0; i < count; i++) {
      BlockHeader parent = chain.head();
      List<RecoveredTransaction> candidates =
          (parent.number() + 1) % 10 == 0
              ? List.of(new RecoveredTransaction(renounce(nonce++), sender.address(), 0))
              : List.of();
      BlockCreator.Proposal proposal =
          creator.propose(parent, candidates, parent.timestamp() + 1, 0, VALIDATOR, UInt256.ZERO);
      Block sealed = creator.seal(proposal.block(), VALIDATOR);
      if (!(importer.importExecuted(sealed, proposal.executed())
          instanceof ImportResult.Imported)) {
        throw new IllegalStateException("the producer could not import its own block");
      }
    }
  }

  private Transaction renounce(long n) {
    String data =
        FunctionEncoder.encode(
            new Function(
                "renounceRole",
                List.of(new Bytes32(Role.CONTRIBUTOR.id().toArrayUnsafe())),
                List.of()));
    UnsignedTransaction unsigned =
        UnsignedTransaction.eip1559(
            n,
            UInt256.ZERO,
            UInt256.ZERO,
            100_000,
            PERMISSIONS,
            UInt256.ZERO,
            Bytes.fromHexString(data),
            List.of());
    return new TransactionSigner(SECP256K1).sign(unsigned, CHAIN_ID, sender);
  }

  long head() {
    return chain.head().number();
  }
}

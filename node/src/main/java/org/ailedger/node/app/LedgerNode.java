package org.ailedger.node.app;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ailedger.node.chain.BlockImporter;
import org.ailedger.node.chain.DefaultBlockchain;
import org.ailedger.node.chain.Registration;
import org.ailedger.node.consensus.qbft.BlockCreator;
import org.ailedger.node.consensus.qbft.BlockProductionLoop;
import org.ailedger.node.consensus.qbft.ExecutorScheduler;
import org.ailedger.node.consensus.qbft.statemachine.EventQueue;
import org.ailedger.node.consensus.qbft.statemachine.QbftConfig;
import org.ailedger.node.consensus.qbft.statemachine.QbftController;
import org.ailedger.node.crypto.KeyFile;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.crypto.Secp256k1;
import org.ailedger.node.crypto.Secp256k1s;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.node.genesis.GenesisConfig;
import org.ailedger.node.genesis.GenesisParser;
import org.ailedger.node.metrics.BlockMetrics;
import org.ailedger.node.metrics.ChainMetrics;
import org.ailedger.node.metrics.JvmMetrics;
import org.ailedger.node.metrics.MetricsServer;
import org.ailedger.node.metrics.NetworkMetrics;
import org.ailedger.node.metrics.PoolMetrics;
import org.ailedger.node.metrics.RpcMetrics;
import org.ailedger.node.p2p.wire.SubProtocol;
import org.ailedger.node.rpc.PeerSource;
import org.ailedger.node.state.WorldStateArchive;
import org.ailedger.node.storage.RocksDbKeyValueStore;
import org.ailedger.node.storage.StorageConfig;
import org.ailedger.node.sync.SyncProgress;
import org.ailedger.node.sync.Synchronizer;
import org.ailedger.node.txpool.TransactionPool;
import org.ailedger.types.Address;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One validator node: storage, chain, pool, block production, JSON-RPC and metrics, started and
 * stopped in dependency order. Everything is built here by constructor injection; no component
 * reaches for a global.
 */
public final class LedgerNode implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LedgerNode.class);

  private final NodeConfig config;
  private final Clock clock;
  private Vertx vertx;
  private RocksDbKeyValueStore store;
  private ScheduledExecutorService producerThread;
  private BlockProductionLoop production;
  private RpcEndpoint rpc;
  private MetricsServer metricsServer;
  private Registration networkMetrics = () -> {};
  private Registration jvmMetrics = () -> {};
  private Registration blockMetrics = () -> {};
  private Registration metricsListener;
  private Registration poolPruning;
  private NetworkWiring.Running network;
  private SyncWiring.Running sync;
  private ConsensusWiring.Running consensus;
  private DefaultBlockchain chain;
  private int metricsPort;

  public LedgerNode(NodeConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  public synchronized void start() {
    GenesisConfig genesis = new GenesisParser().parse(config.genesisFile());
    store =
        RocksDbKeyValueStore.open(
            new StorageConfig(
                config.dataDir().resolve("db"),
                config.syncWrites(),
                StorageConfig.DEFAULT_BLOCK_CACHE_BYTES));
    try {
      startServices(genesis);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private void startServices(GenesisConfig genesis) {
    Secp256k1 secp256k1 = Secp256k1s.best();
    LOG.info("Signature recovery uses {}", secp256k1.name());
    // one registry per node, handed to what it measures: two nodes in one JVM never mix figures
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    jvmMetrics = JvmMetrics.bind(registry);
    ChainCore core = ChainCore.open(store, genesis, secp256k1, clock);
    chain = core.chain();
    WorldStateArchive archive = core.archive();
    LedgerBindings bindings = core.bindings();
    PoolMetrics poolMetrics = new PoolMetrics(registry, PoolWiring.CONFIG.maxPooledTransactions());
    TransactionPool pool = PoolWiring.create(chain, archive, core.checks(), bindings, poolMetrics);
    // every node prunes its pool on each new head, whoever produced the block
    poolPruning = chain.onBlockAdded(added -> pool.onBlockCommitted(added.block().transactions()));
    BlockMetrics blocks = new BlockMetrics(registry);
    blockMetrics = blocks.follow(chain);
    BlockImporter importer = core.importer(pool::senderOf, blocks);

    Optional<KeyPair> nodeKey = config.nodeKeyFile().map(KeyFile::read);
    if (nodeKey.isPresent()
        && genesis.chainId() != DevAccounts.DEVNET_CHAIN_ID
        && DevAccounts.isWellKnown(nodeKey.get())) {
      throw new IllegalStateException(
          "the node key "
              + nodeKey.get().address()
              + " is a public devnet key; it is refused on chain id "
              + genesis.chainId());
    }
    nodeKey.ifPresent(key -> LOG.info("Node key address {}", key.address()));
    List<Address> validators = chain.head().qbftExtraData().validators();
    boolean validator = nodeKey.isPresent() && validators.contains(nodeKey.get().address());
    BlockCreator creator = core.creator();

    vertx = Vertx.vertx();
    PeerSource peerSource = PeerSource.none();
    if (config.peers().enabled()) {
      KeyPair p2pKey = nodeKey.orElseGet(() -> NodeKeys.loadOrCreate(config.dataDir()));
      QbftConfig qbftConfig = QbftConfig.from(genesis.qbft());
      EventQueue consensusQueue = ConsensusWiring.queue(qbftConfig);
      IstanbulBridge istanbul = new IstanbulBridge(consensusQueue);
      sync = SyncWiring.start(chain, importer, pool, clock);
      network =
          NetworkWiring.start(
              vertx,
              config,
              p2pKey,
              secp256k1,
              chain,
              archive,
              bindings,
              Map.of(
                  SubProtocol.ETH_68.capability(),
                  sync.eth(),
                  SubProtocol.ISTANBUL_100.capability(),
                  istanbul),
              clock);
      istanbul.attach(network.network());
      peerSource = new NetworkPeers(network.network(), sync.synchronizer());
      // as on Besu, every node runs QBFT; it acts at the heights where the parent names it a
      // validator, so a node voted in (or out) by governance takes part (or stops) by itself
      consensus =
          ConsensusWiring.start(
              qbftConfig,
              consensusQueue,
              istanbul,
              chain,
              pool,
              importer,
              creator,
              p2pKey,
              secp256k1,
              core.rules().baseFee(),
              config.blockTxsSelectionPercent(),
              sync.synchronizer(),
              clock,
              blocks);
    } else if (validator) {
      // without peers a validator can only be the sole one; the loop stands aside otherwise
      producerThread =
          Executors.newSingleThreadScheduledExecutor(
              Thread.ofPlatform().name("block-producer").factory());
      production =
          new BlockProductionLoop(
              chain,
              pool,
              creator,
              importer,
              nodeKey.get(),
              genesis.qbft(),
              core.rules().baseFee(),
              clock,
              config.blockTxsSelectionPercent(),
              new ExecutorScheduler(producerThread),
              blocks);
      production.start();
    }

    metricsListener = ChainMetrics.register(registry, chain, chain, pool);
    if (consensus != null) {
      PeerSource peers = peerSource;
      Synchronizer synchronizer = sync.synchronizer();
      QbftController controller = consensus.controller();
      networkMetrics =
          NetworkMetrics.register(
              registry,
              new NetworkMetrics.Network(
                  () -> peers.peers().size(),
                  synchronizer::isSyncing,
                  () ->
                      synchronizer
                          .progress()
                          .map(SyncProgress::highestBlock)
                          .orElseGet(() -> chain.head().number()),
                  sync.eth()::droppedMessages),
              new NetworkMetrics.Consensus(
                  controller::height, controller::round, controller::roundChanges));
    }
    metricsServer = new MetricsServer(vertx, registry, config.rpcHost(), config.metricsPort());
    metricsPort = await(metricsServer.start());
    rpc =
        RpcEndpoint.start(
            vertx,
            config,
            chain,
            archive,
            core.contracts(),
            core.executor(),
            core.evm(),
            pool,
            config.clientVersion(),
            peerSource,
            sync == null ? tx -> {} : sync.gossip()::broadcast,
            poolMetrics,
            new RpcMetrics(registry));
    LOG.info(
        "JSON-RPC on http://{}:{} and ws://{}:{}, metrics on http://{}:{}/metrics",
        config.rpcHost(),
        rpc.httpPort(),
        config.rpcHost(),
        rpc.wsPort(),
        config.rpcHost(),
        metricsPort);
  }

  public int httpPort() {
    return rpc.httpPort();
  }

  public int wsPort() {
    return rpc.wsPort();
  }

  /** This node's enode URL, when it speaks p2p. */
  public Optional<String> enode() {
    return network == null
        ? Optional.empty()
        : Optional.of(network.network().localEnode().toString());
  }

  public int metricsPort() {
    return metricsPort;
  }

  public DefaultBlockchain chain() {
    return chain;
  }

  /** Stops block production first, so the last block is either fully written or not at all. */
  @Override
  public synchronized void close() {
    if (consensus != null) {
      consensus.close();
    }
    if (production != null) {
      production.stop();
    }
    if (producerThread != null) {
      producerThread.shutdown();
      try {
        if (!producerThread.awaitTermination(30, TimeUnit.SECONDS)) {
          LOG.warn("Block production did not stop within 30 s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (rpc != null) {
      rpc.stop();
    }
    if (network != null) {
      network.close();
    }
    if (sync != null) {
      sync.close();
    }
    networkMetrics.close();
    blockMetrics.close();
    jvmMetrics.close();
    if (metricsListener != null) {
      metricsListener.close();
    }
    if (poolPruning != null) {
      poolPruning.close();
    }
    if (metricsServer != null) {
      await(metricsServer.stop());
    }
    if (vertx != null) {
      await(vertx.close());
    }
    if (store != null) {
      store.close();
      store = null;
    }
    LOG.info("Node stopped");
  }

  static <T> T await(io.vertx.core.Future<T> future) {
    try {
      return future
          .toCompletionStage()
          .toCompletableFuture()
          .get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting or stopping a server", e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalStateException(cause.getMessage(), cause);
    }
  }
}

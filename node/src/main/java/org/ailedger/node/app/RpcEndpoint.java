package org.ailedger.node.app;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.function.Consumer;
import org.ailedger.node.chain.DefaultBlockchain;
import org.ailedger.node.execution.EvmRunner;
import org.ailedger.node.execution.StateSimulator;
import org.ailedger.node.rpc.JsonRpcServer;
import org.ailedger.node.rpc.PeerSource;
import org.ailedger.node.rpc.RpcBackend;
import org.ailedger.node.rpc.RpcConfig;
import org.ailedger.node.rpc.RpcObserver;
import org.ailedger.node.state.WorldStateArchive;
import org.ailedger.node.tx.DecodeResult;
import org.ailedger.node.tx.Transaction;
import org.ailedger.node.tx.TransactionDecoder;
import org.ailedger.node.txpool.SubmitObserver;
import org.ailedger.node.txpool.SubmitResult;
import org.ailedger.node.txpool.TransactionPool;
import org.ailedger.precompiles.NativeContracts;
import org.ailedger.precompiles.execution.NativeCallExecutor;

/** The JSON-RPC server over this node's chain, state, pool and native contracts. */
final class RpcEndpoint {
  private final JsonRpcServer server;

  private RpcEndpoint(JsonRpcServer server) {
    this.server = server;
  }

  static RpcEndpoint start(
      Vertx vertx,
      NodeConfig config,
      DefaultBlockchain chain,
      WorldStateArchive archive,
      NativeContracts contracts,
      NativeCallExecutor executor,
      EvmRunner evm,
      TransactionPool pool,
      String clientVersion,
      PeerSource peers,
      Consumer<Transaction> accepted,
      SubmitObserver submissions,
      RpcObserver observer) {
    RpcConfig rpcConfig =
        RpcConfig.builder()
            .host(config.rpcHost())
            .httpPort(config.httpPort())
            .wsPort(config.wsPort())
            .corsAllowedOrigins(config.corsOrigins())
            .clientVersion(clientVersion)
            .warmupRequests(config.rpcWarmupRequests())
            .build();
    RpcBackend backend =
        new RpcBackend(
            chain,
            chain,
            archive,
            new StateSimulator(
                archive, contracts, executor, evm, chain.chainId(), rpcConfig.callGasCap()),
            pool,
            raw ->
                switch (TransactionDecoder.decode(raw)) {
                  case DecodeResult.Decoded decoded -> {
                    SubmitResult result = pool.submit(decoded.transaction());
                    if (result instanceof SubmitResult.Accepted) {
                      accepted.accept(decoded.transaction());
                    }
                    yield result;
                  }
                  case DecodeResult.Invalid invalid -> {
                    // never reaches the pool, yet an operator counts it with the pool's refusals
                    SubmitResult refused = new SubmitResult.Rejected(invalid.rejection());
                    submissions.submitted(refused);
                    yield refused;
                  }
                },
            (stateRoot, address) ->
                contracts.isNative(address)
                    ? contracts.code(address)
                    : archive.code(stateRoot, address),
            peers);
    JsonRpcServer server =
        new JsonRpcServer(vertx, rpcConfig, backend, Clock.systemUTC(), observer);
    LedgerNode.await(server.start());
    return new RpcEndpoint(server);
  }

  int httpPort() {
    return server.httpPort();
  }

  int wsPort() {
    return server.wsPort();
  }

  void stop() {
    LedgerNode.await(server.stop());
  }
}

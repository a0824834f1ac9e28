package org.ailedger.node.rpc;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.ailedger.node.rpc.filter.FilterRegistry;
import org.ailedger.node.rpc.http.HttpRpcVerticle;
import org.ailedger.node.rpc.http.HttpWarmup;
import org.ailedger.node.rpc.websocket.WebSocketRpcVerticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ethereum JSON-RPC server: an HTTP verticle and a WebSocket verticle on their own ports, one
 * verticle per listener so each owns its server's lifecycle. Both share the method table, the
 * installed filters and one named, bounded worker pool on which every backend call runs; the event
 * loops only parse, route and write.
 */
public final class JsonRpcServer {
  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcServer.class);
  public static final String WORKER_POOL_NAME = "ailedger-rpc";

  /** The longest a warm-up may hold the opening of the port, whatever its request count. */
  static final Duration WARMUP_DEADLINE = Duration.ofSeconds(30);

  private final Vertx vertx;
  private final RpcConfig config;
  private final RpcBackend backend;
  private final Clock clock;
  private final RpcObserver observer;
  private WorkerExecutor workers;
  private HttpRpcVerticle http;
  private WebSocketRpcVerticle webSocket;
  private String httpDeployment;
  private String webSocketDeployment;

  public JsonRpcServer(
      Vertx vertx, RpcConfig config, RpcBackend backend, Clock clock, RpcObserver observer) {
    if (vertx == null || config == null || backend == null || clock == null || observer == null) {
      throw new IllegalArgumentException("vertx, config, backend, clock and observer are required");
    }
    this.vertx = vertx;
    this.config = config;
    this.backend = backend;
    this.clock = clock;
    this.observer = observer;
  }

  public JsonRpcServer(Vertx vertx, RpcConfig config, RpcBackend backend, Clock clock) {
    this(vertx, config, backend, clock, RpcObserver.NONE);
  }

  public JsonRpcServer(Vertx vertx, RpcConfig config, RpcBackend backend) {
    this(vertx, config, backend, Clock.systemUTC());
  }

  /**
   * Binds both listeners; fails (and releases what it took) if either cannot bind, and takes
   * nothing if the Netty under Vert.x is a mix of releases.
   */
  public synchronized Future<Void> start() {
    if (workers != null) {
      return Future.failedFuture(
          new IllegalStateException("the JSON-RPC server is already started"));
    }
    Optional<String> mismatch = NettyReleaseCheck.onClassPath();
    if (mismatch.isPresent()) {
      LOG.error("JSON-RPC server cannot start: {}", mismatch.get());
      return Future.failedFuture(new IllegalStateException(mismatch.get()));
    }
    workers = vertx.createSharedWorkerExecutor(WORKER_POOL_NAME, config.workerPoolSize());
    RandomIds ids = new RandomIds();
    FilterRegistry filters =
        new FilterRegistry(config.maxFilters(), config.filterIdleTimeout(), clock, ids);
    RpcMethods methods = RpcMethods.create(backend, config, filters);
    JsonRpcProcessor processor =
        new JsonRpcProcessor(
            new RequestParser(config.maxBatchSize()),
            new RpcDispatcher(methods, observer),
            workers,
            config.maxQueuedRequests());
    http = new HttpRpcVerticle(config, processor);
    webSocket = new WebSocketRpcVerticle(config, processor, backend.events(), workers, ids);
    HttpWarmup warmup =
        new HttpWarmup(
            vertx,
            config,
            // the same methods and the same kind of observer, recording where no operator looks:
            // the warm-up's requests are no client's
            new JsonRpcProcessor(
                new RequestParser(config.maxBatchSize()),
                new RpcDispatcher(methods, observer.detached()),
                workers,
                config.maxQueuedRequests()),
            WarmupCalls.bodies(backend.chain()),
            config.warmupRequests(),
            WARMUP_DEADLINE);
    return warmup
        .run()
        .compose(warmed -> vertx.deployVerticle(http))
        .compose(
            id -> {
              httpDeployment = id;
              return vertx.deployVerticle(webSocket);
            })
        .<Void>map(
            id -> {
              webSocketDeployment = id;
              return null;
            })
        .recover(
            failure -> {
              LOG.error("JSON-RPC server failed to start: {}", failure.getMessage());
              return stop().transform(ignored -> Future.failedFuture(failure));
            });
  }

  /** Closes both listeners (ending every subscription) and the worker pool. */
  public synchronized Future<Void> stop() {
    Future<Void> undeployWs =
        webSocketDeployment == null
            ? Future.succeededFuture()
            : vertx.undeploy(webSocketDeployment);
    webSocketDeployment = null;
    String httpId = httpDeployment;
    httpDeployment = null;
    WorkerExecutor pool = workers;
    workers = null;
    return undeployWs
        .eventually(() -> httpId == null ? Future.succeededFuture() : vertx.undeploy(httpId))
        .eventually(() -> pool == null ? Future.succeededFuture() : pool.close());
  }

  public int httpPort() {
    if (http == null) {
      throw new IllegalStateException("the JSON-RPC server is not started");
    }
    return http.actualPort();
  }

  public int wsPort() {
    if (webSocket == null) {
      throw new IllegalStateException("the JSON-RPC server is not started");
    }
    return webSocket.actualPort();
  }
}

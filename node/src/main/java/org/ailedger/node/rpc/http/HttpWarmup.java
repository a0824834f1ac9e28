package org.ailedger.node.rpc.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.ailedger.node.rpc.JsonRpcProcessor;
import org.ailedger.node.rpc.RpcConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends read calls through a private listener on a free loopback port, over real connections,
 * before the configured port opens. A JVM runs new code slowly until it has compiled it; without
 * this the first tens of thousands of requests of a just-started node meet an interpreter and a
 * busy compiler. The configured count of requests is sent first, then batches until the compiler
 * has gone quiet; all of it within the deadline. A failure only costs the warm-up, never the start.
 */
public final class HttpWarmup {
  private static final Logger LOG = LoggerFactory.getLogger(HttpWarmup.class);
  private static final int CONNECTIONS = 4;

  /**
   * Every this many requests a lane's connection closes and a new one opens: clients come and go,
   * and code that only the warm-up's first few connections ran would otherwise be compiled for the
   * clients that happen to be first.
   */
  private static final int REQUESTS_PER_CONNECTION = 64;

  /**
   * Counted warm-ups shorter than this end with their count: they check that the path works (in
   * tests, say), they do not buy speed, so waiting for the compiler would only cost time.
   */
  static final int SETTLE_AFTER_REQUESTS = 10_000;

  /** Requests between two looks at the JIT compilers' work once the counted requests are sent. */
  private static final int SETTLE_BATCH_REQUESTS = 2_000;

  /** Compiling less than 1/this of a batch's wall time makes the batch quiet. */
  private static final int QUIET_SHARE_DIVISOR = 20;

  /** Quiet batches in a row that end the warm-up. */
  private static final int QUIET_BATCHES_TO_SETTLE = 2;

  private final Vertx vertx;
  private final RpcConfig config;
  private final JsonRpcProcessor processor;
  private final List<byte[]> bodies;
  private final int requests;
  private final Duration deadline;
  private final CompilationMXBean compilation;

  public HttpWarmup(
      Vertx vertx,
      RpcConfig config,
      JsonRpcProcessor processor,
      List<byte[]> bodies,
      int requests,
      Duration deadline) {
    if (bodies.isEmpty() || requests < 0) {
      throw new IllegalArgumentException("a warm-up needs calls and a request count >= 0");
    }
    this.vertx = vertx;
    this.config = config;
    this.processor = processor;
    this.bodies = List.copyOf(bodies);
    this.requests = requests;
    this.deadline = deadline;
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    // without a JIT, or without its clock, the counted requests are the whole warm-up
    this.compilation = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit : null;
  }

  /** Completes, always successfully, when the warm-up is over and its listener closed. */
  public Future<Void> run() {
    if (requests == 0) {
      return Future.succeededFuture();
    }
    long started = System.nanoTime();
    // the clients' configuration, so the warm-up takes the branches their requests take
    HttpRpcVerticle listener = new HttpRpcVerticle(config.onPrivateLoopbackPort(), processor);
    HttpClient client =
        vertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(true),
            new PoolOptions().setHttp1MaxSize(CONNECTIONS));
    AtomicInteger sent = new AtomicInteger();
    long stopAt = started + deadline.toNanos();
    return vertx
        .deployVerticle(listener)
        .compose(
            id -> {
              RequestOptions target =
                  new RequestOptions()
                      .setMethod(HttpMethod.POST)
                      .setHost("127.0.0.1")
                      .setPort(listener.actualPort())
                      .setURI("/")
                      .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
              Load load = new Load(client, target, sent, stopAt);
              return load.upTo(requests)
                  .compose(
                      counted ->
                          requests >= SETTLE_AFTER_REQUESTS
                              ? load.untilCompiled(0)
                              : Future.succeededFuture())
                  .eventually(() -> vertx.undeploy(id));
            })
        .eventually(client::close)
        .<Void>transform(
            result -> {
              long millis = (System.nanoTime() - started) / 1_000_000;
              if (result.succeeded()) {
                LOG.info("JSON-RPC warmed up with {} requests in {} ms", sent.get(), millis);
              } else {
                LOG.warn(
                    "JSON-RPC warm-up stopped after {} requests in {} ms: {}",
                    sent.get(),
                    millis,
                    result.cause().toString());
              }
              return Future.succeededFuture();
            });
  }

  /** The warm-up's requests over {@link #CONNECTIONS} lanes, bounded by the deadline. */
  private final class Load {
    private final HttpClient client;
    private final RequestOptions target;
    private final AtomicInteger sent;
    private final long stopAt;

    Load(HttpClient client, RequestOptions target, AtomicInteger sent, long stopAt) {
      this.client = client;
      this.target = target;
      this.sent = sent;
      this.stopAt = stopAt;
    }

    /** Sends requests until {@code total} have been sent in all, or the deadline passes. */
    Future<Void> upTo(int total) {
      List<Future<Void>> lanes =
          IntStream.range(0, CONNECTIONS).mapToObj(i -> lane(total)).toList();
      return Future.join(lanes).mapEmpty();
    }

    /**
     * Goes on in batches while the JIT compiler still works: the calls reach the compilers'
     * thresholds before the counted requests end, but compiling them takes longer still on a busy
     * machine, and whatever is left in the compilers' queue would otherwise be compiled while the
     * first clients wait.
     */
    Future<Void> untilCompiled(int quietBatches) {
      if (quietBatches >= QUIET_BATCHES_TO_SETTLE
          || System.nanoTime() > stopAt
          || compilation == null) {
        return Future.succeededFuture();
      }
      long compiledBefore = compilation.getTotalCompilationTime();
      long startedAt = System.nanoTime();
      return upTo(sent.get() + SETTLE_BATCH_REQUESTS)
          .compose(
              done -> {
                long compiledMillis = compilation.getTotalCompilationTime() - compiledBefore;
                long wallMillis = Math.max(1, (System.nanoTime() - startedAt) / 1_000_000);
                boolean quiet = compiledMillis * QUIET_SHARE_DIVISOR <= wallMillis;
                return untilCompiled(quiet ? quietBatches + 1 : 0);
              });
    }

    private Future<Void> lane(int total) {
      Promise<Void> done = Promise.promise();
      next(total, done);
      return done.future();
    }

    private void next(int total, Promise<Void> done) {
      int index = sent.getAndIncrement();
      if (index >= total || System.nanoTime() > stopAt) {
        sent.decrementAndGet();
        done.tryComplete();
        return;
      }
      Buffer body = Buffer.buffer(bodies.get(index % bodies.size()));
      RequestOptions options =
          index % REQUESTS_PER_CONNECTION == 0
              ? new RequestOptions(target).putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE)
              : target;
      client
          .request(options)
          .compose(request -> request.send(body))
          .compose(response -> response.body())
          .onComplete(ignored -> next(total, done), done::tryFail);
    }
  }
}

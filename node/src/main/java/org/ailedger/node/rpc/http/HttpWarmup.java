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
 * this the first tens of thousands of requests of a just-started node meet an interpreter. Bounded
 * in requests and in time; a failure only costs the warm-up, never the start.
 */
public final class HttpWarmup {
  private static final Logger LOG = LoggerFactory.getLogger(HttpWarmup.class);
  private static final int CONNECTIONS = 4;

  private final Vertx vertx;
  private final JsonRpcProcessor processor;
  private final List<byte[]> bodies;
  private final int requests;
  private final Duration deadline;

  public HttpWarmup(
      Vertx vertx,
      JsonRpcProcessor processor,
      List<byte[]> bodies,
      int requests,
      Duration deadline) {
    if (bodies.isEmpty() || requests < 0) {
      throw new IllegalArgumentException("a warm-up needs calls and a request count >= 0");
    }
    this.vertx = vertx;
    this.processor = processor;
    this.bodies = List.copyOf(bodies);
    this.requests = requests;
    this.deadline = deadline;
  }

  /** Completes, always successfully, when the warm-up is over and its listener closed. */
  public Future<Void> run() {
    if (requests == 0) {
      return Future.succeededFuture();
    }
    long started = System.nanoTime();
    RpcConfig loopback = RpcConfig.builder().httpPort(0).corsAllowedOrigins(List.of()).build();
    HttpRpcVerticle listener = new HttpRpcVerticle(loopback, processor);
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
              List<Future<Void>> lanes =
                  IntStream.range(0, CONNECTIONS)
                      .mapToObj(i -> lane(client, target, sent, stopAt))
                      .toList();
              return Future.join(lanes).eventually(() -> vertx.undeploy(id));
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

  /** One connection's requests, one after another, until the count or the deadline is reached. */
  private Future<Void> lane(
      HttpClient client, RequestOptions target, AtomicInteger sent, long stopAt) {
    Promise<Void> done = Promise.promise();
    next(client, target, sent, stopAt, done);
    return done.future();
  }

  private void next(
      HttpClient client,
      RequestOptions target,
      AtomicInteger sent,
      long stopAt,
      Promise<Void> done) {
    int index = sent.getAndIncrement();
    if (index >= requests || System.nanoTime() > stopAt) {
      sent.decrementAndGet();
      done.tryComplete();
      return;
    }
    Buffer body = Buffer.buffer(bodies.get(index % bodies.size()));
    client
        .request(target)
        .compose(request -> request.send(body))
        .compose(response -> response.body())
        .onComplete(ignored -> next(client, target, sent, stopAt, done), done::tryFail);
  }
}

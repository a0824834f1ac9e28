package org.ailedger.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.ailedger.node.rpc.json.RpcJson;
import org.ailedger.node.rpc.subscription.SubscriptionScope;

/**
 * What both transports do with a body: parse it on the event loop, run it on the named worker pool,
 * serialize the answer there too (a large eth_getLogs answer is real work), and hand the bytes back
 * to the event loop to write. A single call of a light method (and an unknown method's error) is
 * answered on the event loop at once, since the hand-off would cost more than the call. At most
 * {@code maxQueued} bodies are executing or waiting; beyond that a body is refused at once, so a
 * flood cannot grow the queue without bound. A batch runs on one worker, element after element, so
 * a large batch cannot occupy the pool.
 */
public final class JsonRpcProcessor {
  private final RequestParser parser;
  private final RpcDispatcher dispatcher;
  private final WorkerExecutor workers;
  private final int maxQueued;
  private final AtomicInteger queued = new AtomicInteger();

  public JsonRpcProcessor(
      RequestParser parser, RpcDispatcher dispatcher, WorkerExecutor workers, int maxQueued) {
    this.parser = parser;
    this.dispatcher = dispatcher;
    this.workers = workers;
    this.maxQueued = maxQueued;
  }

  /** The bytes to send back, empty when JSON-RPC says to send nothing. */
  public Future<Optional<Buffer>> process(Buffer body, Optional<SubscriptionScope> scope) {
    ParsedBody parsed = parser.parse(body.getBytes());
    if (parsed instanceof ParsedBody.Refused refused) {
      return Future.succeededFuture(Optional.of(Buffer.buffer(RpcJson.write(refused.response()))));
    }
    if (dispatcher.light(parsed)) {
      return Future.succeededFuture(
          dispatcher.dispatch(parsed, scope).map(JsonRpcProcessor::bytes));
    }
    if (queued.incrementAndGet() > maxQueued) {
      queued.decrementAndGet();
      dispatcher.refusedBusy(scope);
      RpcException busy =
          new RpcException(
              RpcError.LIMIT_EXCEEDED,
              "server busy: " + maxQueued + " requests are already queued; retry later");
      return Future.succeededFuture(
          RpcDispatcher.refuse(parsed, busy).map(JsonRpcProcessor::bytes));
    }
    return workers
        .executeBlocking(
            () -> dispatcher.dispatch(parsed, scope).map(JsonRpcProcessor::bytes), false)
        .andThen(ar -> queued.decrementAndGet());
  }

  private static Buffer bytes(JsonNode answer) {
    return Buffer.buffer(RpcJson.write(answer));
  }
}

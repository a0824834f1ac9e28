package org.ailedger.indexer.ingest;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes to the node's {@code newHeads} over WebSocket and calls {@code onHead} for each new
 * block, so ingestion starts at once instead of after its poll interval. Only a wake-up: what is
 * ingested is still read by block range, and polling goes on regardless, so a lost or refused
 * connection only costs latency. A lost connection is retried with the ingester's back-off.
 *
 * <p>Runs on one Vert.x event loop; {@code onHead} must not block.
 */
public final class NewHeadsWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NewHeadsWatcher.class);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** A header is about 1 KiB; anything far larger is not one. */
  private static final int MAX_MESSAGE_BYTES = 64 * 1024;

  private static final String SUBSCRIBE =
      new JsonObject()
          .put("jsonrpc", "2.0")
          .put("id", 1)
          .put("method", "eth_subscribe")
          .put("params", new io.vertx.core.json.JsonArray().add("newHeads"))
          .encode();

  private final Vertx vertx;
  private final URI ws;
  private final Runnable onHead;
  private final IngestConfig backoff;
  private final WebSocketClient client;
  private final Context context;

  // confined to the context
  private WebSocket socket;
  private int failures;
  private boolean closed;
  private long retryTimer = -1;

  // written on the context, read by /v1/health on any thread
  private volatile NewHeadsState state = new NewHeadsState.Connecting();

  /**
   * @param ws the node's JSON-RPC over WebSocket, {@code ws://} or {@code wss://}
   * @param backoff the waits between reconnection attempts
   */
  public NewHeadsWatcher(Vertx vertx, URI ws, Runnable onHead, IngestConfig backoff) {
    if (ws == null || !("ws".equals(ws.getScheme()) || "wss".equals(ws.getScheme()))) {
      throw new IllegalArgumentException("the node's WebSocket must be a ws(s) URL: " + ws);
    }
    this.vertx = vertx;
    this.ws = ws;
    this.onHead = onHead;
    this.backoff = backoff;
    this.client =
        vertx.createWebSocketClient(
            new WebSocketClientOptions()
                .setMaxMessageSize(MAX_MESSAGE_BYTES)
                .setMaxFrameSize(MAX_MESSAGE_BYTES));
    this.context = vertx.getOrCreateContext();
  }

  /** Where the subscription stands; safe to call from any thread. */
  public NewHeadsState state() {
    return state;
  }

  public void start() {
    context.runOnContext(nothing -> connect());
  }

  private void connect() {
    if (closed) {
      return;
    }
    client
        .connect(
            new WebSocketConnectOptions()
                .setAbsoluteURI(ws.toString())
                .setConnectTimeout(CONNECT_TIMEOUT.toMillis()))
        .onSuccess(this::connected)
        .onFailure(failure -> lost("cannot connect: " + failure.getMessage()));
  }

  private void connected(WebSocket opened) {
    if (closed) {
      opened.close();
      return;
    }
    socket = opened;
    opened.textMessageHandler(this::message);
    opened.exceptionHandler(failure -> LOG.debug("newHeads socket failed: {}", failure.toString()));
    opened.closeHandler(
        nothing -> {
          if (socket == opened) {
            socket = null;
            lost("the connection closed");
          }
        });
    opened.writeTextMessage(SUBSCRIBE);
  }

  private void message(String text) {
    JsonObject message;
    try {
      message = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      LOG.debug("ignoring a WebSocket message that is no JSON object");
      return;
    }
    if ("eth_subscription".equals(message.getString("method"))) {
      onHead.run();
    } else if (Integer.valueOf(1).equals(message.getValue("id"))) {
      if (message.containsKey("result")) {
        if (failures > 0) {
          LOG.info("subscribed to newHeads at {} again", ws);
        } else {
          LOG.info("subscribed to newHeads at {}; ingestion wakes on each new block", ws);
        }
        failures = 0;
        state = new NewHeadsState.Connected();
        // a head may have come while unsubscribed
        onHead.run();
      } else {
        String error = String.valueOf(message.getValue("error"));
        LOG.warn("the node refused eth_subscribe newHeads ({}); polling only", error);
        WebSocket refused = socket;
        socket = null;
        refused.close();
        lost("the node refused the subscription: " + error);
      }
    }
  }

  private void lost(String reason) {
    if (closed) {
      return;
    }
    failures++;
    Duration wait = backoff.backoff(failures);
    state = new NewHeadsState.Reconnecting(reason, failures, wait);
    if (failures == 1) {
      LOG.warn("newHeads from {} unavailable ({}); polling until it is back", ws, reason);
    } else {
      LOG.debug("newHeads from {} still unavailable after {} attempts: {}", ws, failures, reason);
    }
    retryTimer = vertx.setTimer(wait.toMillis(), id -> connect());
  }

  @Override
  public void close() {
    context.runOnContext(
        nothing -> {
          closed = true;
          if (retryTimer >= 0) {
            vertx.cancelTimer(retryTimer);
          }
          if (socket != null) {
            socket.close();
          }
          client.close();
        });
  }
}

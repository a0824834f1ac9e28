package org.ailedger.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A WebSocket JSON-RPC client that queues every message it receives. */
public final class TestSocket implements WebSocket.Listener, AutoCloseable {
  private static final long TIMEOUT_SECONDS = 20;

  private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final AtomicInteger ids = new AtomicInteger();
  private StringBuilder partial = new StringBuilder();
  private final WebSocket socket;

  public TestSocket(HttpClient client, URI uri) {
    socket = client.newWebSocketBuilder().buildAsync(uri, this).join();
  }

  /** As a browser page on {@code origin} would connect. */
  public TestSocket(HttpClient client, URI uri, String origin) {
    socket = client.newWebSocketBuilder().header("Origin", origin).buildAsync(uri, this).join();
  }

  /** Sends a request with a fresh id and returns that id. */
  public int send(String method, Object... params) {
    int id = ids.incrementAndGet();
    sendText(
        RunningServer.JSON
            .valueToTree(
                Map.of("jsonrpc", "2.0", "id", id, "method", method, "params", List.of(params)))
            .toString());
    return id;
  }

  public void sendText(String text) {
    socket.sendText(text, true).join();
  }

  /** Sends a request and returns the next message, which must be its answer. */
  public JsonNode call(String method, Object... params) {
    int id = send(method, params);
    JsonNode answer = next();
    if (!answer.has("id") || answer.get("id").asInt() != id) {
      throw new AssertionError("expected the answer to request " + id + ", got " + answer);
    }
    return answer;
  }

  public JsonNode next() {
    try {
      JsonNode message = messages.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (message == null) {
        throw new AssertionError("no WebSocket message within " + TIMEOUT_SECONDS + " s");
      }
      return message;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Closes from this side and waits for the server's close. */
  public void closeAndWait() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    try {
      closed.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("the server did not close the WebSocket", e);
    }
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      messages.add(RunningServer.parse(partial.toString()));
      partial = new StringBuilder();
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.completeExceptionally(error);
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
    socket.abort();
  }
}

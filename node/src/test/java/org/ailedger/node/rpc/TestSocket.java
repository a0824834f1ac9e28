package org.ailedger.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WebSocket JSON-RPC client that queues every message it receives. Every wait is bounded: a
 * server that never answers fails the test with a message instead of hanging the build.
 */
public final class TestSocket implements WebSocket.Listener, AutoCloseable {
  private static final long TIMEOUT_SECONDS = RunningServer.TIMEOUT.toSeconds();

  private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final AtomicInteger ids = new AtomicInteger();
  private StringBuilder partial = new StringBuilder();
  private final WebSocket socket;

  public TestSocket(HttpClient client, URI uri) {
    this(client.newWebSocketBuilder(), uri);
  }

  /** As a browser page on {@code origin} would connect. */
  public TestSocket(HttpClient client, URI uri, String origin) {
    this(client.newWebSocketBuilder().header("Origin", origin), uri);
  }

  private TestSocket(WebSocket.Builder builder, URI uri) {
    socket =
        within(
            builder.connectTimeout(RunningServer.TIMEOUT).buildAsync(uri, this),
            "no answer to the WebSocket handshake with " + uri);
  }

  /**
   * Joins {@code future} for at most the test timeout. A failure surfaces as from {@code join()};
   * no outcome at all fails with {@code noOutcome}, as an unanswered request must not hang the
   * build.
   */
  public static <T> T within(CompletableFuture<T> future, String noOutcome) {
    try {
      return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError(noOutcome + " within " + TIMEOUT_SECONDS + " s", e);
    } catch (ExecutionException e) {
      throw new CompletionException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
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
    within(socket.sendText(text, true), "the WebSocket did not take a message");
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
    within(
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done"), "the WebSocket did not send a close");
    try {
      within(closed, "the server did not close the WebSocket");
    } catch (CompletionException e) {
      throw new AssertionError("the WebSocket failed instead of closing", e.getCause());
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

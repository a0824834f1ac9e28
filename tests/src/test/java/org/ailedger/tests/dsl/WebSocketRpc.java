package org.ailedger.tests.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bare JSON-RPC client over the JDK's WebSocket, so a test sees subscription notifications
 * exactly as the node sent them. Replies and {@code eth_subscription} notifications are kept apart.
 */
public final class WebSocketRpc implements AutoCloseable {
  /** Messages kept per kind; a test that needs more is reading far too much. */
  private static final int MAX_KEPT_MESSAGES = 10_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BlockingQueue<JsonNode> replies = new ArrayBlockingQueue<>(MAX_KEPT_MESSAGES);
  private final BlockingQueue<JsonNode> notifications = new ArrayBlockingQueue<>(MAX_KEPT_MESSAGES);
  private final AtomicLong ids = new AtomicLong();
  private final HttpClient http = HttpClient.newHttpClient();
  private final WebSocket socket;

  private WebSocketRpc(URI endpoint) {
    this.socket =
        http.newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .buildAsync(endpoint, new Collector())
            .join();
  }

  public static WebSocketRpc connect(URI endpoint) {
    return new WebSocketRpc(endpoint);
  }

  /** Sends one call and waits for the reply with its id; notifications meanwhile are kept. */
  public RpcReply call(String method, Object... params) {
    long id = ids.incrementAndGet();
    ObjectNode request = JSON.createObjectNode();
    request.put("jsonrpc", "2.0");
    request.put("id", id);
    request.put("method", method);
    request.set("params", JSON.valueToTree(List.of(params)));
    socket.sendText(request.toString(), true).join();
    return Await.until(
        "the WebSocket reply to " + method,
        JsonRpc.REQUEST_TIMEOUT,
        () -> {
          JsonNode reply = replies.poll();
          if (reply == null || reply.path("id").asLong(-1) != id) {
            return Optional.empty();
          }
          return Optional.of(new RpcReply(reply));
        });
  }

  /** Waits for the next {@code eth_subscription} message. */
  public JsonNode nextNotification(Duration timeout) {
    try {
      JsonNode message = notifications.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (message == null) {
        throw new AssertionError("no eth_subscription notification within " + timeout);
      }
      return message;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    http.close();
  }

  private final class Collector implements WebSocket.Listener {
    private final List<CharSequence> parts = new ArrayList<>();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      parts.add(data.toString());
      if (last) {
        String text = String.join("", parts);
        parts.clear();
        try {
          JsonNode message = JSON.readTree(text);
          boolean notification = "eth_subscription".equals(message.path("method").asText());
          if (!(notification ? notifications : replies).offer(message)) {
            throw new IllegalStateException("more than " + MAX_KEPT_MESSAGES + " messages kept");
          }
        } catch (IOException e) {
          throw new IllegalStateException("the node sent a WebSocket message that is not JSON", e);
        }
      }
      webSocket.request(1);
      return null;
    }
  }
}

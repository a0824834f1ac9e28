package org.ailedger.node.rpc.websocket;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.ailedger.node.rpc.JsonRpcProcessor;
import org.ailedger.node.rpc.RpcError;
import org.ailedger.node.rpc.RpcResponses;
import org.ailedger.node.rpc.json.RpcJson;
import org.ailedger.node.rpc.subscription.SubscriptionScope;
import org.ailedger.node.rpc.subscription.SubscriptionSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket client: each text or binary message is a JSON-RPC body, answered on the same
 * socket; subscriptions live in the connection's session and die with it. Messages are assembled
 * from frames here rather than by Vert.x, whose limit drops an oversized message silently: an
 * oversized message is answered with the same JSON-RPC error as an oversized HTTP body, its
 * remaining frames are skipped, and the connection stays usable. All methods run on the listener's
 * event loop.
 */
final class WebSocketConnection {
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketConnection.class);

  /** Unread notifications a client may leave queued before it is cut off. */
  static final int MAX_QUEUED_OUTPUT_BYTES = 16 * 1024 * 1024;

  /** WebSocket close code 1008, policy violation. */
  private static final short POLICY_VIOLATION = 1008;

  private final ServerWebSocket socket;
  private final JsonRpcProcessor processor;
  private final SubscriptionSession session;
  private final Consumer<WebSocketConnection> onClose;
  private final int maxMessageBytes;
  private Buffer partial;
  private boolean skipping;
  private boolean closed;

  WebSocketConnection(
      ServerWebSocket socket,
      JsonRpcProcessor processor,
      SubscriptionSession session,
      Consumer<WebSocketConnection> onClose,
      int maxMessageBytes) {
    this.maxMessageBytes = maxMessageBytes;
    this.socket = socket;
    this.processor = processor;
    this.session = session;
    this.onClose = onClose;
  }

  void start() {
    socket.setWriteQueueMaxSize(MAX_QUEUED_OUTPUT_BYTES);
    socket.frameHandler(this::onFrame);
    socket.exceptionHandler(
        e -> LOG.debug("WebSocket {} failed: {}", socket.remoteAddress(), e.toString()));
    socket.closeHandler(v -> closed());
  }

  SubscriptionSession session() {
    return session;
  }

  /** The notifications of one block for one subscription. */
  record Notifications(String subscriptionId, List<String> messages) {}

  /**
   * Sends the notifications of one block, skipping subscriptions cancelled since they were
   * rendered, or cuts off a client that does not read what it was sent.
   */
  void deliver(List<Notifications> notifications) {
    if (closed || notifications.stream().allMatch(n -> n.messages().isEmpty())) {
      return;
    }
    if (socket.writeQueueFull()) {
      LOG.debug("closing WebSocket {}: notifications not read", socket.remoteAddress());
      session.close();
      socket.close(POLICY_VIOLATION, "notifications not read fast enough");
      return;
    }
    for (Notifications n : notifications) {
      if (session.isLive(n.subscriptionId())) {
        n.messages().forEach(socket::writeTextMessage);
      }
    }
  }

  private void onFrame(WebSocketFrame frame) {
    if (frame.isText() || frame.isBinary()) {
      partial = Buffer.buffer();
      skipping = false;
    } else if (!frame.isContinuation() || (partial == null && !skipping)) {
      return;
    }
    if (!skipping && partial.length() + frame.binaryData().length() > maxMessageBytes) {
      partial = null;
      skipping = true;
      socket.writeTextMessage(
          new String(
              RpcJson.write(
                  RpcResponses.error(
                      RpcError.INVALID_REQUEST,
                      "request body exceeds " + maxMessageBytes + " bytes")),
              StandardCharsets.UTF_8));
    }
    if (!skipping) {
      partial.appendBuffer(frame.binaryData());
    }
    if (frame.isFinal()) {
      Buffer message = partial;
      partial = null;
      if (!skipping) {
        onMessage(message);
      }
      skipping = false;
    }
  }

  private void onMessage(Buffer message) {
    SubscriptionScope scope = session.newScope();
    processor
        .process(message, Optional.of(scope))
        .onComplete(
            answer -> {
              if (!closed) {
                answer.ifPresent(bytes -> socket.writeTextMessage(bytes.toString()));
                // only now may this message's subscriptions see notifications: their ids are out
                scope.activate();
              }
            },
            failure -> LOG.error("WebSocket message could not be processed", failure));
  }

  private void closed() {
    closed = true;
    session.close();
    onClose.accept(this);
  }
}

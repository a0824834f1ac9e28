package org.ailedger.node.rpc.websocket;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocketHandshake;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ailedger.node.chain.BlockAdded;
import org.ailedger.node.chain.ChainEvents;
import org.ailedger.node.chain.Registration;
import org.ailedger.node.rpc.JsonRpcProcessor;
import org.ailedger.node.rpc.RandomIds;
import org.ailedger.node.rpc.RpcConfig;
import org.ailedger.node.rpc.subscription.NotificationRenderer;
import org.ailedger.node.rpc.subscription.Subscription;
import org.ailedger.node.rpc.subscription.SubscriptionSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket listener: the same methods as HTTP plus eth_subscribe. New heads arrive on the
 * committing thread, which only hands them to this verticle's event loop; the notifications are
 * rendered on the worker pool in block order (an ordered task queue) and written back here.
 */
public final class WebSocketRpcVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketRpcVerticle.class);

  private final RpcConfig config;
  private final JsonRpcProcessor processor;
  private final ChainEvents events;
  private final WorkerExecutor workers;
  private final RandomIds ids;
  private final Set<WebSocketConnection> connections = new LinkedHashSet<>();
  private HttpServer server;
  private Registration headsListener;

  public WebSocketRpcVerticle(
      RpcConfig config,
      JsonRpcProcessor processor,
      ChainEvents events,
      WorkerExecutor workers,
      RandomIds ids) {
    this.config = config;
    this.processor = processor;
    this.events = events;
    this.workers = workers;
    this.ids = ids;
  }

  @Override
  public Future<?> start() {
    server =
        vertx.createHttpServer(
            new HttpServerOptions()
                .setHost(config.host())
                .setPort(config.wsPort())
                // one frame above the limit is a protocol violation Netty closes with 1009;
                // messages are
                // assembled and bounded by the connection itself
                .setMaxWebSocketFrameSize(config.maxRequestBodyBytes()));
    server.webSocketHandshakeHandler(this::handshake);
    server.webSocketHandler(
        socket -> {
          WebSocketConnection connection =
              new WebSocketConnection(
                  socket,
                  processor,
                  new SubscriptionSession(config.maxSubscriptionsPerConnection(), ids),
                  connections::remove,
                  config.maxRequestBodyBytes());
          connections.add(connection);
          connection.start();
        });
    server.requestHandler(
        request ->
            request
                .response()
                .setStatusCode(426)
                .putHeader("Upgrade", "websocket")
                .end(
                    "this port serves JSON-RPC over WebSocket; use the HTTP port for plain"
                        + " requests"));
    return server
        .listen()
        .onSuccess(
            s -> {
              // only a bound listener follows the chain; a failed start must leave no listener
              // behind
              headsListener =
                  events.onBlockAdded(event -> context.runOnContext(v -> publish(event)));
              LOG.info("JSON-RPC WebSocket listening on {}:{}", config.host(), s.actualPort());
            });
  }

  @Override
  public Future<?> stop() {
    if (headsListener != null) {
      headsListener.close();
    }
    return server == null ? Future.succeededFuture() : server.close();
  }

  public int actualPort() {
    if (server == null) {
      throw new IllegalStateException("the WebSocket listener is not started");
    }
    return server.actualPort();
  }

  /** Browsers send an Origin; it must be allowed like a CORS origin. Other clients send none. */
  private void handshake(ServerWebSocketHandshake handshake) {
    String origin = handshake.headers().get("Origin");
    if (origin == null
        || config.allowsAnyOrigin()
        || config.corsAllowedOrigins().contains(origin)) {
      handshake.accept();
    } else {
      LOG.debug("WebSocket from origin {} refused", origin);
      handshake.reject(403);
    }
  }

  private record Delivery(
      WebSocketConnection connection, List<WebSocketConnection.Notifications> notifications) {}

  private void publish(BlockAdded event) {
    List<WebSocketConnection> targets = new ArrayList<>();
    List<List<Subscription>> subscriptions = new ArrayList<>();
    for (WebSocketConnection connection : connections) {
      List<Subscription> live = connection.session().live();
      if (!live.isEmpty()) {
        targets.add(connection);
        subscriptions.add(live);
      }
    }
    if (targets.isEmpty()) {
      return;
    }
    workers
        .executeBlocking(
            () -> {
              NotificationRenderer renderer = new NotificationRenderer(event);
              List<Delivery> deliveries = new ArrayList<>();
              for (int i = 0; i < targets.size(); i++) {
                List<WebSocketConnection.Notifications> notifications = new ArrayList<>();
                for (Subscription s : subscriptions.get(i)) {
                  notifications.add(
                      new WebSocketConnection.Notifications(s.id(), renderer.messagesFor(s)));
                }
                deliveries.add(new Delivery(targets.get(i), notifications));
              }
              return deliveries;
            },
            true)
        .onSuccess(deliveries -> deliveries.forEach(d -> d.connection().deliver(d.notifications())))
        .onFailure(
            e ->
                LOG.error(
                    "notifications for block {} could not be rendered", event.block().number(), e));
  }
}

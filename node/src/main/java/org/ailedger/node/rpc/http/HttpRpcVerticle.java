package org.ailedger.node.rpc.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;
import java.util.Optional;
import java.util.Set;
import org.ailedger.node.rpc.JsonRpcProcessor;
import org.ailedger.node.rpc.RpcConfig;
import org.ailedger.node.rpc.RpcError;
import org.ailedger.node.rpc.RpcResponses;
import org.ailedger.node.rpc.json.RpcJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP listener: {@code POST /} carries JSON-RPC, CORS preflights are answered for the
 * configured origins. Every JSON-RPC answer is HTTP 200 as geth and Besu send it, with two
 * exceptions: nothing to answer (notifications only) is 204 No Content, and a body over the limit
 * is 413 with a JSON-RPC error in the body, so both status-checking and body-reading clients see
 * the reason.
 */
public final class HttpRpcVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(HttpRpcVerticle.class);
  private static final String JSON = "application/json";

  private final RpcConfig config;
  private final JsonRpcProcessor processor;
  private HttpServer server;

  public HttpRpcVerticle(RpcConfig config, JsonRpcProcessor processor) {
    this.config = config;
    this.processor = processor;
  }

  @Override
  public Future<?> start() {
    server =
        vertx.createHttpServer(
            // No response compression: with it on, a request offering gzip (every web3j/OkHttp
            // request does) was never answered. JSON-RPC answers are small; correctness first.
            // No WebSocket here (it has its own port), so no per-request extension handler either.
            new HttpServerOptions()
                .setHost(config.host())
                .setPort(config.httpPort())
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false));
    return server
        .requestHandler(config.corsAllowedOrigins().isEmpty() ? this::route : withCors())
        .listen()
        .onSuccess(
            s -> LOG.info("JSON-RPC HTTP listening on {}:{}", config.host(), s.actualPort()));
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  /** The bound port, which differs from the configured one when that is 0. */
  public int actualPort() {
    if (server == null) {
      throw new IllegalStateException("the HTTP listener is not started");
    }
    return server.actualPort();
  }

  /**
   * Browsers' requests (they carry an Origin, and preflights are OPTIONS) go through the Router and
   * its CORS handler; every other client (wallet back ends, SDKs, cast) has nothing for CORS to
   * check and takes the direct route.
   */
  private Handler<HttpServerRequest> withCors() {
    Router router = corsRouter();
    return request -> {
      if (request.method() == HttpMethod.OPTIONS
          || request.headers().contains(HttpHeaders.ORIGIN)) {
        router.handle(request);
      } else {
        route(request);
      }
    };
  }

  /**
   * The one route, matched here instead of by a Router, which costs more per request than a cheap
   * call itself; the statuses are the ones the Router gives.
   */
  private void route(HttpServerRequest request) {
    if (!request.path().equals("/")) {
      refuse(request.response(), 404, "request refused");
    } else if (request.method() != HttpMethod.POST) {
      refuse(request.response(), 405, "request refused");
    } else {
      handleRpc(request);
    }
  }

  private Router corsRouter() {
    Router router = Router.router(vertx);
    router.route().handler(cors());
    router.post("/").handler(context -> handleRpc(context.request()));
    router.route().failureHandler(HttpRpcVerticle::failed);
    return router;
  }

  private CorsHandler cors() {
    CorsHandler cors = CorsHandler.create();
    if (!config.allowsAnyOrigin()) {
      cors.addOrigins(config.corsAllowedOrigins());
    }
    return cors.allowedMethods(Set.of(HttpMethod.POST, HttpMethod.GET, HttpMethod.OPTIONS))
        .allowedHeaders(Set.of("Content-Type", "Authorization", "Accept"))
        .maxAgeSeconds(600);
  }

  private void handleRpc(HttpServerRequest request) {
    BoundedBody body = new BoundedBody(config.maxRequestBodyBytes());
    request.handler(body::append);
    request.exceptionHandler(e -> LOG.debug("HTTP request failed while reading: {}", e.toString()));
    request.endHandler(
        v -> {
          if (body.exceeded()) {
            respond(
                request.response(),
                413,
                Optional.of(
                    Buffer.buffer(
                        RpcJson.write(
                            RpcResponses.error(
                                RpcError.INVALID_REQUEST,
                                "request body exceeds "
                                    + config.maxRequestBodyBytes()
                                    + " bytes")))));
            return;
          }
          processor
              .process(body.body(), Optional.empty())
              .onComplete(
                  answer -> respond(request.response(), 200, answer),
                  failure -> {
                    LOG.error("JSON-RPC request could not be processed", failure);
                    respond(
                        request.response(),
                        200,
                        Optional.of(
                            Buffer.buffer(
                                RpcJson.write(
                                    RpcResponses.error(
                                        RpcError.INTERNAL_ERROR, "internal error")))));
                  });
        });
  }

  /**
   * A request refused before JSON-RPC saw it, e.g. a CORS origin not allowed: the client's mistake,
   * answered with its status and logged only at DEBUG, so refused browsers cannot fill the log.
   */
  private static void failed(RoutingContext context) {
    int status = context.statusCode() < 400 ? 500 : context.statusCode();
    if (status >= 500) {
      LOG.error("HTTP request failed", context.failure());
    } else {
      LOG.debug(
          "HTTP request refused with {}: {}",
          status,
          context.failure() == null ? "" : context.failure().getMessage());
    }
    refuse(context.response(), status, status == 403 ? "origin not allowed" : "request refused");
  }

  private static void refuse(HttpServerResponse response, int status, String reason) {
    if (!response.ended() && !response.closed()) {
      response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain").end(reason);
    }
  }

  private static void respond(HttpServerResponse response, int status, Optional<Buffer> answer) {
    if (response.closed() || response.ended()) {
      return;
    }
    if (answer.isEmpty()) {
      response.setStatusCode(204).end();
      return;
    }
    response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(answer.get());
  }
}

package org.ailedger.node.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

/** Serves the Prometheus text exposition at {@code GET /metrics}; everything else is 404. */
public final class MetricsServer {
  private final Vertx vertx;
  private final PrometheusMeterRegistry registry;
  private final String host;
  private final int port;
  private HttpServer server;

  public MetricsServer(Vertx vertx, PrometheusMeterRegistry registry, String host, int port) {
    this.vertx = vertx;
    this.registry = registry;
    this.host = host;
    this.port = port;
  }

  public Future<Integer> start() {
    server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port));
    server.requestHandler(
        request -> {
          if ("/metrics".equals(request.path())) {
            // scraping renders every meter: keep it off the event loop
            vertx
                .executeBlocking(registry::scrape)
                .onComplete(
                    result -> {
                      if (result.succeeded()) {
                        request
                            .response()
                            .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                            .end(result.result());
                      } else {
                        request.response().setStatusCode(500).end();
                      }
                    });
          } else {
            request.response().setStatusCode(404).end();
          }
        });
    return server.listen().map(HttpServer::actualPort);
  }

  public Future<Void> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}

package org.ailedger.indexer.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the Prometheus text exposition at {@code GET /metrics} on its own port, apart from the
 * REST API, so it can be bound to another interface and a slow scrape never queues behind queries.
 * Everything else is a 404 (405 for another method on {@code /metrics}).
 */
public final class MetricsVerticle extends AbstractVerticle {
  private static final Logger LOG = LoggerFactory.getLogger(MetricsVerticle.class);
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final MetricsConfig config;
  private final PrometheusMeterRegistry registry;
  private HttpServer server;

  public MetricsVerticle(MetricsConfig config, PrometheusMeterRegistry registry) {
    this.config = config;
    this.registry = registry;
  }

  @Override
  public void start(Promise<Void> started) {
    vertx
        .createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(false))
        .requestHandler(this::handle)
        .listen(config.port(), config.host())
        .onSuccess(
            listening -> {
              server = listening;
              LOG.info("metrics on http://{}:{}/metrics", config.host(), listening.actualPort());
              started.complete();
            })
        .onFailure(started::fail);
  }

  /** The port the server listens on, once started: the chosen one when configured as 0. */
  public int actualPort() {
    if (server == null) {
      throw new IllegalStateException("the metrics server is not listening");
    }
    return server.actualPort();
  }

  private void handle(HttpServerRequest request) {
    if (!"/metrics".equals(request.path())) {
      request.response().setStatusCode(404).end();
      return;
    }
    if (request.method() != HttpMethod.GET) {
      request.response().setStatusCode(405).putHeader("Allow", "GET").end();
      return;
    }
    // rendering every meter takes a moment: keep it off the event loop
    vertx
        .executeBlocking(registry::scrape, false)
        .onSuccess(text -> request.response().putHeader("Content-Type", CONTENT_TYPE).end(text))
        .onFailure(
            failure -> {
              LOG.warn("rendering the metrics failed: {}", failure.toString());
              request.response().setStatusCode(500).end();
            });
  }
}

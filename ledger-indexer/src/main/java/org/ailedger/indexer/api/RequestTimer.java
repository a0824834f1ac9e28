package org.ailedger.indexer.api;

import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/**
 * The router's first handler: notes when a request arrived and, as its answer's headers go out (an
 * answer or a problem), tells the {@link ApiObserver} the route template, status and time taken.
 * Recorded before the first byte leaves, so a client that has its answer finds it counted; the body
 * follows at once, and an event stream is timed until it opens, not for as long as it lasts.
 */
final class RequestTimer implements Handler<RoutingContext> {
  private final Router router;
  private final ApiObserver observer;
  // built on the first request, when every route is in place; only the event loop touches it
  private RouteTemplates templates;

  RequestTimer(Router router, ApiObserver observer) {
    this.router = router;
    this.observer = observer;
  }

  @Override
  public void handle(RoutingContext context) {
    long arrived = System.nanoTime();
    context.addHeadersEndHandler(
        headers ->
            observer.answered(
                templates().of(context.normalizedPath()),
                context.response().getStatusCode(),
                Duration.ofNanos(System.nanoTime() - arrived)));
    context.next();
  }

  private RouteTemplates templates() {
    if (templates == null) {
      templates = new RouteTemplates(router.getRoutes());
    }
    return templates;
  }
}

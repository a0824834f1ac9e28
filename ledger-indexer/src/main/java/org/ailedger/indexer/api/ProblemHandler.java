package org.ailedger.indexer.api;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.ailedger.indexer.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that answers failures: a request's own problem, the router's 404 and 405, and
 * anything unexpected as a plain 500 whose cause goes to the log only, so no stack trace or
 * internal message ever reaches a client.
 */
final class ProblemHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

  private final ApiObserver observer;

  ProblemHandler(ApiObserver observer) {
    this.observer = observer;
  }

  @Override
  public void handle(RoutingContext context) {
    Problem problem = problemOf(context);
    if (context.response().headWritten()) {
      context.response().reset();
      return;
    }
    context
        .response()
        .setStatusCode(problem.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
    if (problem.status() == 503) {
      context.response().putHeader(HttpHeaders.RETRY_AFTER, "1");
    }
    context.response().end(problem.json(context.request().path()).encode());
  }

  private Problem problemOf(RoutingContext context) {
    Throwable failure = context.failure();
    if (failure instanceof ProblemException expected) {
      return expected.problem();
    }
    if (failure == null) {
      switch (context.statusCode()) {
        case 404 -> {
          return Problem.notFound("no resource at " + context.request().path());
        }
        case 405 -> {
          return Problem.methodNotAllowed(
              context.request().method() + " is not served here; the API is read-only (GET)");
        }
        case 400 -> {
          return Problem.badParameter("the request is malformed");
        }
        default -> {}
      }
    }
    if (failure instanceof StoreException) {
      observer.storeFailed();
    }
    LOG.error(
        "{} {} failed (status {})",
        context.request().method(),
        context.request().path(),
        context.statusCode(),
        failure);
    return Problem.internal();
  }
}

package org.ailedger.indexer.api;

import java.time.Duration;

/**
 * What the REST API reports about its requests, for whoever watches it (the metrics). Called on the
 * event loop: an implementation must be quick, must not block and must not throw.
 */
public interface ApiObserver {
  /** Watches nothing. */
  ApiObserver NONE =
      new ApiObserver() {
        @Override
        public void answered(String route, int status, Duration took) {}

        @Override
        public void storeFailed() {}
      };

  /**
   * A request was answered.
   *
   * @param route the route's template as {@code /openapi.json} writes it ({@code
   *     /v1/models/{modelId}}), or {@link RouteTemplates#UNMATCHED} for a path no route serves:
   *     never the raw path, so clients cannot create new series
   * @param status the HTTP status sent
   * @param took from the request's arrival to the end of its answer
   */
  void answered(String route, int status, Duration took);

  /** A read failed in the store (answered as a 500 problem). */
  void storeFailed();

  /**
   * A read was answered from the answer cache ({@code hit}) or had to read the store: the first
   * request of its kind after each indexed block, or any request while the cache is full.
   */
  default void answerCache(boolean hit) {}
}

package org.ailedger.indexer.api;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the governance and explorer page: {@code /} and its assets. The page may load only what
 * this server sends and talk only to it (its Content-Security-Policy); wallets reach it through the
 * browser extension's injected provider, which no policy here restricts. A missing asset is a 404
 * problem like any other.
 */
final class PageRoute implements Handler<RoutingContext> {
  /**
   * Everything from this origin, nothing inline, nothing from elsewhere; {@code data:} images for
   * the icons wallets announce themselves with (EIP-6963).
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none';"
          + " frame-ancestors 'none'";

  /** Hashed names change with their content, so a browser never needs to ask again. */
  static final String IMMUTABLE = "public, max-age=31536000, immutable";

  /** index.html names the current assets, so a browser revalidates it on every visit. */
  static final String REVALIDATE = "no-cache";

  private final PageAssets assets;

  PageRoute(PageAssets assets) {
    this.assets = assets;
  }

  @Override
  public void handle(RoutingContext context) {
    String path = context.request().path();
    PageAssets.Asset asset =
        assets
            .at(path)
            .orElseThrow(() -> new ProblemException(Problem.notFound("no page asset at " + path)));
    HttpServerResponse response = context.response();
    response
        .putHeader(HttpHeaders.CACHE_CONTROL, asset.immutable() ? IMMUTABLE : REVALIDATE)
        .putHeader(HttpHeaders.ETAG, asset.etag())
        .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer");
    if (asset.etag().equals(context.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
      response.setStatusCode(304).end();
      return;
    }
    response.putHeader(HttpHeaders.CONTENT_TYPE, asset.contentType()).end(asset.body());
  }
}

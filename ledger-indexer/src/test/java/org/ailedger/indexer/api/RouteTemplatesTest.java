package org.ailedger.indexer.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RouteTemplatesTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close();
  }

  private RouteTemplates templates() {
    Router router = Router.router(vertx);
    router.route().handler(context -> context.next());
    router.get("/v1/health").handler(context -> {});
    router.get("/v1/models/:modelId").handler(context -> {});
    router.get("/v1/models/:modelId/rounds/:round").handler(context -> {});
    router.get("/v1/events/:eventId").handler(context -> {});
    router.get("/v1/events/stream").handler(context -> {});
    return new RouteTemplates(router.getRoutes());
  }

  @Test
  void aPathIsNamedByItsRoutesTemplateInOpenApiForm() {
    RouteTemplates templates = templates();

    assertThat(templates.of("/v1/health")).isEqualTo("/v1/health");
    assertThat(templates.of("/v1/models/0xabc")).isEqualTo("/v1/models/{modelId}");
    assertThat(templates.of("/v1/models/0xabc/rounds/7"))
        .isEqualTo("/v1/models/{modelId}/rounds/{round}");
  }

  @Test
  void aLiteralSegmentWinsOverAParameter() {
    assertThat(templates().of("/v1/events/stream")).isEqualTo("/v1/events/stream");
    assertThat(templates().of("/v1/events/12")).isEqualTo("/v1/events/{eventId}");
  }

  @Test
  void pathsNoRouteServesShareOneLabelSoClientsCannotAddSeries() {
    RouteTemplates templates = templates();

    assertThat(templates.of("/v1/nothing/here")).isEqualTo(RouteTemplates.UNMATCHED);
    assertThat(templates.of("/v1/models/")).isEqualTo(RouteTemplates.UNMATCHED);
    assertThat(templates.of("/v1/models/0xabc/rounds")).isEqualTo(RouteTemplates.UNMATCHED);
    assertThat(templates.of("/")).isEqualTo(RouteTemplates.UNMATCHED);
  }
}

package org.ailedger.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.ailedger.node.rpc.JsonRpcProcessor;
import org.ailedger.node.rpc.RequestParser;
import org.ailedger.node.rpc.RpcDispatcher;
import org.ailedger.node.rpc.RpcError;
import org.ailedger.node.rpc.RpcException;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcMethods;
import org.ailedger.node.rpc.RpcObserver;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.RpcTransport;
import org.junit.jupiter.api.Test;

class RpcMetricsTest {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final RpcDispatcher dispatcher =
      new RpcDispatcher(
          new RpcMethods(
              List.of(
                  method("echo", request -> TextNode.valueOf("hi")),
                  method(
                      "fails",
                      request -> {
                        throw new RpcException(RpcError.HEADER_NOT_FOUND, "header not found");
                      }),
                  method(
                      "bug",
                      request -> {
                        throw new IllegalStateException("a bug");
                      }))),
          new RpcMetrics(registry));
  private final RequestParser parser = new RequestParser(100);
  private final PrometheusMeterRegistry fresh =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  @Test
  void everyServedMethodReportsFromTheStartAtZero() {
    assertThat(requests("echo", "http", "ok")).isZero();
    assertThat(requests("fails", "websocket", "ok")).isZero();
    assertThat(durationCount("bug", "http")).isZero();
  }

  @Test
  void callsAreCountedPerMethodAndOutcomeAndTimed() {
    call("echo");
    call("echo");
    call("fails");
    call("bug");

    assertThat(requests("echo", "http", "ok")).isEqualTo(2);
    assertThat(requests("fails", "http", "header_not_found")).isEqualTo(1);
    assertThat(requests("bug", "http", "internal_error")).isEqualTo(1);
    assertThat(durationCount("echo", "http")).isEqualTo(2);
    assertThat(durationCount("fails", "http")).isEqualTo(1);
    assertThat(durationCount("echo", "websocket")).isZero();
  }

  @Test
  void methodNamesAClientMakesUpShareOneLabel() {
    for (int i = 0; i < 50; i++) {
      call("made_up_" + i);
    }

    assertThat(requests(RpcMetrics.UNSERVED_METHOD, "http", "method_not_found")).isEqualTo(50);
    assertThat(
            registry.find(RpcMetrics.REQUESTS).counters().stream()
                .map(counter -> counter.getId().getTag("method"))
                .distinct())
        .containsExactlyInAnyOrder("echo", "fails", "bug", RpcMetrics.UNSERVED_METHOD);
    assertThat(registry.scrape()).doesNotContain("made_up_");
  }

  @Test
  void aBodyRefusedBecauseTheQueueIsFullIsCountedAsBusy() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    RpcMetrics metrics = new RpcMetrics(fresh);
    RpcDispatcher blocking =
        new RpcDispatcher(
            new RpcMethods(
                List.of(
                    method(
                        "wait",
                        request -> {
                          try {
                            release.await(30, TimeUnit.SECONDS);
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                          return TextNode.valueOf("done");
                        }))),
            metrics);
    Vertx vertx = Vertx.vertx();
    try {
      JsonRpcProcessor processor =
          new JsonRpcProcessor(
              parser, blocking, vertx.createSharedWorkerExecutor("busy-test", 1), 1);
      Buffer body = Buffer.buffer("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"wait\"}");

      var first = processor.process(body, Optional.empty());
      String refused =
          processor
              .process(body, Optional.empty())
              .toCompletionStage()
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS)
              .orElseThrow()
              .toString();
      release.countDown();
      first.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

      assertThat(refused).contains("server busy");
      assertThat(fresh.get(RpcMetrics.BUSY).tag("transport", "http").counter().count())
          .isEqualTo(1);
      assertThat(
              fresh
                  .get(RpcMetrics.REQUESTS)
                  .tag("method", "wait")
                  .tag("transport", "http")
                  .tag("outcome", "ok")
                  .counter()
                  .count())
          .isEqualTo(1);
    } finally {
      release.countDown();
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aBatchIsCountedOnceWithEachOfItsCalls() {
    dispatch(
        "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\"},"
            + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"echo\"},"
            + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"nope\"}]");

    assertThat(registry.get(RpcMetrics.BATCHES).tag("transport", "http").counter().count())
        .isEqualTo(1);
    assertThat(registry.get(RpcMetrics.BATCH_REQUESTS).tag("transport", "http").counter().count())
        .isEqualTo(3);
    assertThat(requests("echo", "http", "ok")).isEqualTo(2);
    assertThat(requests(RpcMetrics.UNSERVED_METHOD, "http", "method_not_found")).isEqualTo(1);
  }

  @Test
  void theScrapeHasALatencyHistogramPerMethodWithCumulativeBuckets() {
    RpcObserver.MethodRecorder echo = new RpcMetrics(fresh).method("echo");
    echo.answered(RpcTransport.HTTP, 300_000);
    echo.answered(RpcTransport.HTTP, 1_000_000);
    echo.answered(RpcTransport.HTTP, 20_000_000_000L);

    assertThat(fresh.scrape())
        .contains("# TYPE ailedger_rpc_request_duration_seconds histogram")
        .contains(bucket("2.5E-4", 0))
        .contains(bucket("5.0E-4", 1))
        .contains(bucket("0.001", 2))
        .contains(bucket("10.0", 2))
        .contains(bucket("+Inf", 3))
        .contains(
            "ailedger_rpc_request_duration_seconds_count{method=\"echo\",transport=\"http\"} 3")
        .contains(
            "ailedger_rpc_request_duration_seconds_sum{method=\"echo\",transport=\"http\"} 20.0013");
  }

  @Test
  void theScrapeHasALatencyHistogramPerMethod() {
    call("echo");

    assertThat(registry.scrape())
        .contains(
            "ailedger_rpc_request_duration_seconds_bucket{method=\"echo\",transport=\"http\",le=\"0.001\"}")
        .contains(
            "ailedger_rpc_requests_total{method=\"echo\",outcome=\"ok\",transport=\"http\"} 1");
  }

  private static String bucket(String le, long count) {
    return "ailedger_rpc_request_duration_seconds_bucket{method=\"echo\",transport=\"http\",le=\""
        + le
        + "\"} "
        + count;
  }

  private double requests(String method, String transport, String outcome) {
    return registry
        .get(RpcMetrics.REQUESTS)
        .tag("method", method)
        .tag("transport", transport)
        .tag("outcome", outcome)
        .counter()
        .count();
  }

  /** The histogram's count as a scrape prints it. */
  private long durationCount(String method, String transport) {
    String prefix =
        RpcMetrics.DURATION + "_count{method=\"" + method + "\",transport=\"" + transport + "\"} ";
    return registry
        .scrape()
        .lines()
        .filter(line -> line.startsWith(prefix))
        .map(line -> Long.parseLong(line.substring(prefix.length())))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + prefix + " in\n" + registry.scrape()));
  }

  private void call(String method) {
    dispatch("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\"}");
  }

  private void dispatch(String body) {
    dispatcher.dispatch(parser.parse(body.getBytes(StandardCharsets.UTF_8)), Optional.empty());
  }

  private static RpcMethod method(String name, Function<RpcRequest, JsonNode> body) {
    return new RpcMethod() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public JsonNode execute(RpcRequest request) {
        return body.apply(request);
      }
    };
  }
}

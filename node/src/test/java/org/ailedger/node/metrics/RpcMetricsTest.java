package org.ailedger.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.ailedger.node.rpc.RequestParser;
import org.ailedger.node.rpc.RpcDispatcher;
import org.ailedger.node.rpc.RpcError;
import org.ailedger.node.rpc.RpcException;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcMethods;
import org.ailedger.node.rpc.RpcRequest;
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

  @Test
  void everyServedMethodReportsFromTheStartAtZero() {
    assertThat(requests("echo", "http", "ok")).isZero();
    assertThat(requests("fails", "websocket", "ok")).isZero();
    assertThat(timer("bug", "http").count()).isZero();
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
    assertThat(timer("echo", "http").count()).isEqualTo(2);
    assertThat(timer("fails", "http").count()).isEqualTo(1);
    assertThat(timer("echo", "websocket").count()).isZero();
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
  void theScrapeHasALatencyHistogramPerMethod() {
    call("echo");

    assertThat(registry.scrape())
        .contains(
            "ailedger_rpc_request_duration_seconds_bucket{method=\"echo\",transport=\"http\",le=\"0.001\"}")
        .contains(
            "ailedger_rpc_requests_total{method=\"echo\",outcome=\"ok\",transport=\"http\"} 1");
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

  private io.micrometer.core.instrument.Timer timer(String method, String transport) {
    return registry
        .get(RpcMetrics.DURATION)
        .tag("method", method)
        .tag("transport", transport)
        .timer();
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

package org.ailedger.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.ailedger.node.metrics.RpcMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A node warms its JSON-RPC through a private listener, with reads only, before it opens. */
class HttpWarmupIT {
  private final Vertx vertx = Vertx.vertx();
  private final FakeBackend fake = new FakeBackend();

  @AfterEach
  void stop() {
    RunningServer.await(vertx.close());
  }

  @Test
  void theWarmUpReachesTheBackendAndChangesNothing() throws Exception {
    long head = fake.chain.head().number();
    JsonRpcServer server = start(600);

    assertThat(fake.lastCall.get()).as("an eth_call of the warm-up ran").isNotNull();
    assertThat(fake.submissions).as("nothing was submitted").isEmpty();
    assertThat(fake.chain.head().number()).isEqualTo(head);
    assertThat(blockNumber(server)).isEqualTo("0x" + Long.toHexString(head));
  }

  @Test
  void aWarmUpWhoseCallsFailStillOpensThePort() throws Exception {
    fake.stateFailure = new IllegalStateException("state unavailable");
    JsonRpcServer server = start(120);

    assertThat(blockNumber(server)).startsWith("0x");
  }

  @Test
  void operatorsMetricsCountClientsCallsNotTheWarmUps() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    JsonRpcServer server =
        new JsonRpcServer(
            vertx,
            RpcConfig.builder().httpPort(0).wsPort(0).warmupRequests(600).build(),
            fake.backend(),
            Clock.systemUTC(),
            new RpcMetrics(registry));
    RunningServer.await(server.start());
    assertThat(fake.lastCall.get()).as("the warm-up ran").isNotNull();
    assertThat(requestsCounted(registry)).isZero();

    blockNumber(server);

    assertThat(requestsCounted(registry)).isEqualTo(1);
  }

  private static double requestsCounted(PrometheusMeterRegistry registry) {
    return registry.find(RpcMetrics.REQUESTS).counters().stream().mapToDouble(Counter::count).sum();
  }

  @Test
  void noWarmUpSendsNothing() throws Exception {
    start(0);

    assertThat(fake.lastCall.get()).isNull();
  }

  private JsonRpcServer start(int requests) {
    JsonRpcServer server =
        new JsonRpcServer(
            vertx,
            RpcConfig.builder().httpPort(0).wsPort(0).warmupRequests(requests).build(),
            fake.backend());
    RunningServer.await(server.start());
    return server;
  }

  private static String blockNumber(JsonRpcServer server) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/"))
                    .timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\",\"params\":[]}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return RunningServer.parse(response.body()).get("result").asText();
  }
}

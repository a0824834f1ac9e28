package org.ailedger.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Starting and stopping the server: ports, the chain listener, failure to bind. */
@TimeBoxed
class JsonRpcServerLifecycleIT {
  @Test
  void portZeroBindsTwoDistinctFreePortsAndStopReleasesEverything() throws Exception {
    RunningServer rpc = new RunningServer();
    int httpPort = rpc.server.httpPort();

    assertThat(httpPort).isPositive().isNotEqualTo(rpc.server.wsPort());
    assertThat(rpc.fake.chain.listenerCount()).isEqualTo(1);

    RunningServer.await(rpc.server.stop());

    assertThat(rpc.fake.chain.listenerCount()).isZero();
    HttpClient client = HttpClient.newBuilder().connectTimeout(RunningServer.TIMEOUT).build();
    assertThatThrownBy(
            () ->
                client.send(
                    HttpRequest.newBuilder(rpc.httpUri())
                        .timeout(RunningServer.TIMEOUT)
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(ConnectException.class);
    RunningServer.await(rpc.vertx.close());
  }

  @Test
  void startingTwiceIsRefused() {
    try (RunningServer rpc = new RunningServer()) {
      assertThatThrownBy(() -> RunningServer.await(rpc.server.start()))
          .hasRootCauseMessage("the JSON-RPC server is already started");
    }
  }

  @Test
  void portInUseFailsTheStartAndReleasesTheOtherListener() {
    try (RunningServer first = new RunningServer()) {
      FakeBackend fake = new FakeBackend();
      Vertx vertx = Vertx.vertx();
      try {
        JsonRpcServer second =
            new JsonRpcServer(
                vertx,
                RpcConfig.builder().httpPort(0).wsPort(first.server.wsPort()).build(),
                fake.backend());

        assertThatThrownBy(() -> RunningServer.await(second.start()))
            .isInstanceOf(IllegalStateException.class);
        assertThat(fake.chain.listenerCount()).isZero();
      } finally {
        RunningServer.await(vertx.close());
      }
    }
  }
}

package org.ailedger.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The listener without CORS, the way a validator usually runs: one route matched without a Router,
 * and light reads answered on the event loop even while every worker is busy.
 */
class HttpRoutingIT {
  private final RunningServer rpc = new RunningServer(RpcConfig.builder().workerPoolSize(1));

  @AfterEach
  void stop() {
    rpc.fake.callGate = null;
    rpc.close();
  }

  @Test
  void anotherPathIsNotFoundAndAnotherMethodIsNotAllowed() {
    HttpResponse<String> otherPath =
        rpc.send(
            HttpRequest.newBuilder(rpc.httpUri().resolve("/rpc"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    HttpResponse<String> get = rpc.send(HttpRequest.newBuilder(rpc.httpUri()).GET().build());

    assertThat(otherPath.statusCode()).isEqualTo(404);
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(rpc.post(call("eth_chainId", "[]")).statusCode()).isEqualTo(200);
  }

  @Test
  void lightReadsAreAnsweredWhileTheWorkerPoolIsBusy() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    rpc.fake.callGate = gate;
    CompletableFuture<HttpResponse<String>> stuck =
        CompletableFuture.supplyAsync(
            () ->
                rpc.post(
                    call(
                        "eth_call",
                        "[{\"to\":\"0x0000000000000000000000000000000000001003\",\"data\":\"0x70a08231\"},\"latest\"]")));
    awaitCallStarted();

    HttpResponse<String> blockNumber = rpc.post(call("eth_blockNumber", "[]"));
    HttpResponse<String> balance =
        rpc.post(
            call("eth_getBalance", "[\"0x00000000000000000000000000000000000a11ce\",\"latest\"]"));
    HttpResponse<String> unknown = rpc.post(call("eth_nope", "[]"));

    assertThat(RunningServer.parse(blockNumber.body()).get("result").asText()).isEqualTo("0x4");
    assertThat(RunningServer.parse(balance.body()).has("result")).isTrue();
    assertThat(RunningServer.parse(unknown.body()).get("error").get("code").asInt())
        .isEqualTo(-32601);
    assertThat(stuck).isNotDone();
    gate.countDown();
    assertThat(RunningServer.parse(stuck.get(20, TimeUnit.SECONDS).body()).has("result")).isTrue();
  }

  private void awaitCallStarted() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (rpc.fake.lastCall.get() == null && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(rpc.fake.lastCall.get()).as("the eth_call reached the backend").isNotNull();
  }

  private static String call(String method, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
  }
}

package org.ailedger.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients such as web3j (OkHttp) always offer gzip. The server must still answer them: an earlier
 * build enabled response compression and such requests never got a response.
 */
class HttpEncodingIT {
  private final RunningServer rpc = new RunningServer();

  @AfterEach
  void stop() {
    rpc.close();
  }

  @Test
  void aClientOfferingGzipGetsAnAnswer() {
    HttpRequest request =
        HttpRequest.newBuilder(rpc.httpUri())
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json; charset=utf-8")
            .header("Accept-Encoding", "gzip")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\",\"params\":[],\"id\":0}"))
            .build();

    HttpResponse<String> response = rpc.send(request);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(RunningServer.parse(response.body()).get("result").asText()).startsWith("0x");
  }
}

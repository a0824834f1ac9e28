package org.ailedger.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A JSON-RPC server on free ports over a fake backend, and an HTTP client for it. */
public final class RunningServer implements AutoCloseable {
  public static final ObjectMapper JSON = TestJson.MAPPER;

  /** What an empty JSON array result parses to; a null result is not equal to it. */
  public static final JsonNode EMPTY_ARRAY = JSON.createArrayNode();

  /** The longest any test waits for one answer; a server that never answers fails, not hangs. */
  static final Duration TIMEOUT = Duration.ofSeconds(20);

  public final FakeBackend fake;
  public final Vertx vertx = Vertx.vertx();
  public final JsonRpcServer server;
  public final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();

  public RunningServer(FakeBackend fake, RpcConfig.Builder config, Clock clock) {
    this.fake = fake;
    this.server =
        new JsonRpcServer(
            vertx,
            // warm-ups have their own test; thousands of extra requests per server would slow all
            config.httpPort(0).wsPort(0).warmupRequests(0).build(),
            fake.backend(),
            clock);
    await(server.start());
  }

  public RunningServer(RpcConfig.Builder config) {
    this(new FakeBackend(), config, Clock.systemUTC());
  }

  public RunningServer() {
    this(RpcConfig.builder());
  }

  public static <T> T await(Future<T> future) {
    try {
      return future
          .toCompletionStage()
          .toCompletableFuture()
          .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Vert.x future did not complete", e);
    }
  }

  public URI httpUri() {
    return URI.create("http://127.0.0.1:" + server.httpPort() + "/");
  }

  public URI wsUri() {
    return URI.create("ws://127.0.0.1:" + server.wsPort() + "/");
  }

  /** POSTs the body as is. */
  public HttpResponse<String> post(String body) {
    return send(
        HttpRequest.newBuilder(httpUri())
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** Sends the request, bounded by {@link #TIMEOUT} unless it carries its own timeout. */
  public HttpResponse<String> send(HttpRequest request) {
    HttpRequest bounded =
        request.timeout().isPresent()
            ? request
            : HttpRequest.newBuilder(request, (name, value) -> true).timeout(TIMEOUT).build();
    try {
      return http.send(bounded, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("HTTP request failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Calls one method with id 1 and returns the whole response object. */
  public JsonNode call(String method, Object... params) {
    try {
      String body =
          JSON.writeValueAsString(
              java.util.Map.of(
                  "jsonrpc",
                  "2.0",
                  "id",
                  1,
                  "method",
                  method,
                  "params",
                  java.util.List.of(params)));
      HttpResponse<String> response = post(body);
      if (response.statusCode() != 200) {
        throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The result member of a call that must succeed. */
  public JsonNode result(String method, Object... params) {
    JsonNode response = call(method, params);
    if (response.has("error")) {
      throw new AssertionError(method + " failed: " + response.get("error"));
    }
    return response.get("result");
  }

  /** The error member of a call that must fail. */
  public JsonNode error(String method, Object... params) {
    JsonNode response = call(method, params);
    if (!response.has("error")) {
      throw new AssertionError(method + " succeeded: " + response.get("result"));
    }
    return response.get("error");
  }

  public static JsonNode parse(String json) {
    return TestJson.parse(json);
  }

  @Override
  public void close() {
    await(server.stop());
    await(vertx.close());
  }
}

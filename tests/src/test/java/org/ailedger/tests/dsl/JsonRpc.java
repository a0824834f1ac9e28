package org.ailedger.tests.dsl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A deliberately small JSON-RPC client over {@code java.net.http}: it shows exactly what went over
 * the wire, which a client library would hide or reject before sending.
 */
public final class JsonRpc {
  /** How long one request may take before the test calls it a hang. */
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI endpoint;
  private final HttpClient http;
  private final AtomicLong ids = new AtomicLong();

  public JsonRpc(URI endpoint) {
    this.endpoint = endpoint;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  public URI endpoint() {
    return endpoint;
  }

  /**
   * A request object; params are converted by Jackson (strings, numbers, maps, lists, booleans).
   */
  public ObjectNode request(String method, Object... params) {
    ObjectNode request = JSON.createObjectNode();
    request.put("jsonrpc", "2.0");
    request.put("id", ids.incrementAndGet());
    request.put("method", method);
    request.set("params", JSON.valueToTree(List.of(params)));
    return request;
  }

  /** Sends one call and returns the response object, whether result or error. */
  public RpcReply call(String method, Object... params) {
    HttpReply reply = post(request(method, params).toString());
    return reply.reply();
  }

  /** Sends one call and returns its result, failing the test when the node answers an error. */
  public JsonNode result(String method, Object... params) {
    RpcReply reply = call(method, params);
    if (reply.isError()) {
      throw new AssertionError(method + " failed: " + reply.error());
    }
    return reply.result();
  }

  /** Sends a batch of request objects and returns the response array as the node sent it. */
  public JsonNode batch(List<JsonNode> requests) {
    ArrayNode batch = JSON.createArrayNode();
    batch.addAll(requests);
    return post(batch.toString()).json();
  }

  /** Posts a raw body as {@code application/json} and returns the HTTP status and body. */
  public HttpReply post(String body) {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new HttpReply(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("POST to " + endpoint + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during POST to " + endpoint, e);
    }
  }

  /** {@code eth_blockNumber} as a number. */
  public long blockNumber() {
    return quantity(result("eth_blockNumber")).longValueExact();
  }

  /** Parses a JSON-RPC quantity ({@code 0x}-prefixed hex without leading zeros). */
  public static BigInteger quantity(JsonNode node) {
    if (node == null || !node.isTextual() || !node.textValue().matches("0x(0|[1-9a-f][0-9a-f]*)")) {
      throw new AssertionError("not a JSON-RPC quantity: " + node);
    }
    return new BigInteger(node.textValue().substring(2), 16);
  }

  /** Encodes a number as a JSON-RPC quantity. */
  public static String quantity(long value) {
    return "0x" + Long.toHexString(value);
  }

  static String pretty(JsonNode node) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      return String.valueOf(node);
    }
  }
}

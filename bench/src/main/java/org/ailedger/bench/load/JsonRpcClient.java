package org.ailedger.bench.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A minimal JSON-RPC 2.0 client over HTTP: single calls and batches. Thread-safe; the underlying
 * {@link HttpClient} keeps a pool of connections, one per concurrent caller.
 */
public final class JsonRpcClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI endpoint;
  private final Duration timeout;
  private final HttpClient http;

  public JsonRpcClient(URI endpoint, Duration timeout) {
    this.endpoint = endpoint;
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .build();
  }

  /** A call to build a batch from; params are anything Jackson can write. */
  public record Call(String method, List<?> params) {
    public Call {
      params = List.copyOf(params);
    }
  }

  public RpcOutcome call(String method, Object... params) {
    return batch(List.of(new Call(method, List.of(params)))).get(0);
  }

  /**
   * A call whose result is an Ethereum quantity, such as {@code eth_blockNumber}.
   *
   * @throws LoadRunException if the node cannot be reached, answers an error or not a quantity
   */
  public long quantity(String method, Object... params) {
    return switch (call(method, params)) {
      case RpcOutcome.Success success -> {
        try {
          yield Long.decode(success.result().asText());
        } catch (NumberFormatException e) {
          throw new LoadRunException(method + " answered " + success.result() + ", not a quantity");
        }
      }
      case RpcOutcome.Failure failure ->
          throw new LoadRunException(method + " failed at " + endpoint + ": " + failure.message());
      case RpcOutcome.Unreachable unreachable ->
          throw new LoadRunException(
              "cannot reach the node at " + endpoint + ": " + unreachable.why());
    };
  }

  /**
   * The outcomes of {@code calls} in their order. A batch of one goes out as a plain request, so
   * {@code batch(List.of(call))} and {@link #call} are the same on the wire.
   */
  public List<RpcOutcome> batch(List<Call> calls) {
    if (calls.isEmpty()) {
      return List.of();
    }
    String body;
    try {
      body =
          JSON.writeValueAsString(calls.size() == 1 ? request(0, calls.get(0)) : requests(calls));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "parameters cannot be written as JSON: " + e.getMessage(), e);
    }
    return exchange(body, calls.size());
  }

  private List<RpcOutcome> exchange(String body, int count) {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return unreachable(count, e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return unreachable(count, "interrupted");
    }
    if (response.statusCode() != 200) {
      return unreachable(count, "HTTP status " + response.statusCode());
    }
    try {
      return outcomes(JSON.readTree(response.body()), count);
    } catch (JsonProcessingException e) {
      return unreachable(count, "unreadable JSON answer");
    }
  }

  /** Matches answers to requests by id, since a server may answer a batch in any order. */
  private static List<RpcOutcome> outcomes(JsonNode answer, int count) {
    List<RpcOutcome> outcomes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      outcomes.add(new RpcOutcome.Unreachable("no answer for request " + i));
    }
    if (answer.isObject() && answer.has("error") && !answer.hasNonNull("id")) {
      // a whole-request error (parse error, oversized body) answers every call in it
      return new ArrayList<>(Collections.nCopies(count, outcome(answer)));
    }
    Iterable<JsonNode> items = answer.isArray() ? answer : List.of(answer);
    for (JsonNode item : items) {
      int id = item.path("id").asInt(-1);
      if (id >= 0 && id < count) {
        outcomes.set(id, outcome(item));
      }
    }
    return outcomes;
  }

  private static RpcOutcome outcome(JsonNode item) {
    JsonNode error = item.get("error");
    if (error != null && !error.isNull()) {
      return new RpcOutcome.Failure(error.path("code").asInt(), error.path("message").asText(""));
    }
    return new RpcOutcome.Success(item.path("result"));
  }

  private static ArrayNode requests(List<Call> calls) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode(calls.size());
    for (int i = 0; i < calls.size(); i++) {
      array.add(request(i, calls.get(i)));
    }
    return array;
  }

  private static ObjectNode request(int id, Call call) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("jsonrpc", "2.0");
    node.put("id", id);
    node.put("method", call.method());
    node.set("params", JSON.valueToTree(call.params()));
    return node;
  }

  private static List<RpcOutcome> unreachable(int count, String why) {
    List<RpcOutcome> outcomes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      outcomes.add(new RpcOutcome.Unreachable(why));
    }
    return outcomes;
  }
}

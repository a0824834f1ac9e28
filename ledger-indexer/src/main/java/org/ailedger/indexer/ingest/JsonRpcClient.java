package org.ailedger.indexer.ingest;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A blocking JSON-RPC 2.0 client over HTTP (java.net.http). The ingester is one sequential loop on
 * its own thread that mostly waits for the node, so a blocking call is the simplest correct shape;
 * batches let one round trip fetch many headers.
 */
public final class JsonRpcClient {
  /** The longest node answer quoted in a message, so a broken node cannot flood a log line. */
  private static final int MAX_ERROR_TEXT = 200;

  /**
   * The largest answer read, so a broken or hostile node cannot exhaust the heap; a batch of 1000
   * blocks of this ledger's logs is far below it.
   */
  public static final int MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

  private final URI endpoint;
  private final HttpClient http;
  private final Duration timeout;

  public JsonRpcClient(URI endpoint, HttpClient http, Duration timeout) {
    this.endpoint = endpoint;
    this.http = http;
    this.timeout = timeout;
  }

  /** One call of {@code method}; its {@code result}, which may be null. */
  public Object call(String method, Object... params) throws NodeException {
    JsonObject reply = asObject(post(request(1, method, params).encode()), method);
    return result(reply, method);
  }

  /** Several calls in one batch; the results in the order of {@code calls}. */
  public List<Object> batch(List<Call> calls) throws NodeException {
    if (calls.isEmpty()) {
      return List.of();
    }
    JsonArray body = new JsonArray();
    for (int id = 0; id < calls.size(); id++) {
      body.add(request(id, calls.get(id).method(), calls.get(id).params()));
    }
    Object reply = post(body.encode());
    if (!(reply instanceof JsonArray replies) || replies.size() != calls.size()) {
      throw new NodeException(
          "a batch of " + calls.size() + " calls got " + describe(reply) + " in reply");
    }
    Object[] results = new Object[calls.size()];
    boolean[] answered = new boolean[calls.size()];
    for (Object item : replies) {
      JsonObject response = asObject(item, "batch");
      Integer id = response.getValue("id") instanceof Number n ? n.intValue() : null;
      if (id == null || id < 0 || id >= calls.size() || answered[id]) {
        throw new NodeException("a batch reply has a bad id: " + truncate(response.encode()));
      }
      answered[id] = true;
      results[id] = result(response, calls.get(id).method());
    }
    List<Object> ordered = new ArrayList<>(calls.size());
    for (Object result : results) {
      ordered.add(result);
    }
    return ordered;
  }

  /** One request of a batch. */
  public record Call(String method, Object... params) {}

  private static JsonObject request(int id, String method, Object[] params) {
    return new JsonObject()
        .put("jsonrpc", "2.0")
        .put("id", id)
        .put("method", method)
        .put("params", new JsonArray(List.of(params)));
  }

  private Object post(String body) throws NodeException {
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
      throw new NodeException("node " + endpoint + " unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NodeException("interrupted while waiting for " + endpoint, e);
    }
    if (response.statusCode() != 200) {
      throw new NodeException(
          "node "
              + endpoint
              + " answered HTTP "
              + response.statusCode()
              + ": "
              + truncate(response.body()));
    }
    try {
      return Json.decodeValue(response.body());
    } catch (DecodeException e) {
      throw new NodeException(
          "node " + endpoint + " answered no JSON: " + truncate(response.body()));
    }
  }

  private static Object result(JsonObject reply, String method) throws NodeException {
    JsonObject error = reply.getJsonObject("error");
    if (error != null) {
      throw new NodeException(
          method
              + " failed: "
              + error.getValue("code")
              + " "
              + truncate(error.getString("message")));
    }
    if (!reply.containsKey("result")) {
      throw new NodeException(method + " answered neither result nor error");
    }
    return reply.getValue("result");
  }

  private static JsonObject asObject(Object reply, String method) throws NodeException {
    if (reply instanceof JsonObject object) {
      return object;
    }
    throw new NodeException(method + " got " + describe(reply) + " in reply");
  }

  private static String describe(Object reply) {
    return reply == null ? "null" : truncate(reply.toString());
  }

  private static String truncate(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= MAX_ERROR_TEXT ? text : text.substring(0, MAX_ERROR_TEXT) + "…";
  }
}

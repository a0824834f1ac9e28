package org.ailedger.tests.dsl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One JSON-RPC response object: either a result or an error, never both. Keeps the whole object so
 * tests can look at {@code id} and {@code jsonrpc} too.
 */
public record RpcReply(JsonNode raw) {
  public RpcReply {
    if (raw == null || !raw.isObject()) {
      throw new AssertionError("a JSON-RPC response must be a JSON object, got: " + raw);
    }
  }

  public boolean isError() {
    return raw.has("error");
  }

  public JsonNode id() {
    return raw.get("id");
  }

  /** The result; fails the test with the error when the node answered an error instead. */
  public JsonNode result() {
    if (isError() || !raw.has("result")) {
      throw new AssertionError("expected a result but the node answered " + raw);
    }
    return raw.get("result");
  }

  /** The error; fails the test when the node answered a result instead. */
  public RpcError error() {
    JsonNode error = raw.get("error");
    if (error == null || !error.isObject()) {
      throw new AssertionError("expected an error but the node answered " + raw);
    }
    if (!error.path("code").isInt() || !error.path("message").isTextual()) {
      throw new AssertionError("a JSON-RPC error needs an integer code and a message: " + raw);
    }
    return new RpcError(
        error.get("code").intValue(), error.get("message").textValue(), error.get("data"));
  }

  @Override
  public String toString() {
    return raw.toString();
  }
}

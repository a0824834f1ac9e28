package org.ailedger.tests.dsl;

import com.fasterxml.jackson.databind.JsonNode;

/** The {@code error} member of a JSON-RPC response; {@code data} is null when absent. */
public record RpcError(int code, String message, JsonNode data) {
  @Override
  public String toString() {
    return "RpcError{code=" + code + ", message=" + message + ", data=" + data + "}";
  }
}

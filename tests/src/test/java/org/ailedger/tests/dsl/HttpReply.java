package org.ailedger.tests.dsl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An HTTP answer to a raw request body, for tests that send what no client library would. */
public record HttpReply(int status, String body) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The body as JSON; fails the test with the body when it is not JSON. */
  public JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new AssertionError("HTTP " + status + " body is not JSON: " + abbreviated(), e);
    }
  }

  /** The body as one JSON-RPC response object. */
  public RpcReply reply() {
    return new RpcReply(json());
  }

  private String abbreviated() {
    return body.length() <= 500 ? body : body.substring(0, 500) + "…";
  }
}

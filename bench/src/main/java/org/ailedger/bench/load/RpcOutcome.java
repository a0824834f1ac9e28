package org.ailedger.bench.load;

import com.fasterxml.jackson.databind.JsonNode;

/** What one JSON-RPC call came back with. */
public sealed interface RpcOutcome {
  /** The call succeeded with {@code result}. */
  record Success(JsonNode result) implements RpcOutcome {}

  /** The node answered with a JSON-RPC error. */
  record Failure(int code, String message) implements RpcOutcome {}

  /** No usable answer: connection refused, timeout, HTTP error status or unreadable body. */
  record Unreachable(String why) implements RpcOutcome {}
}

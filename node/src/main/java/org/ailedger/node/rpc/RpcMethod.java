package org.ailedger.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One JSON-RPC method. Implementations run on the RPC worker pool unless they are {@link #light},
 * may block on the backend, and answer bad input by throwing {@link RpcException}; any other
 * exception is a bug and reaches the client only as "Internal error".
 */
public interface RpcMethod {
  String name();

  /**
   * Whether a call with these params may run on the event loop that read it: it answers from memory
   * or a few key lookups, takes no lock held across block production or import, and its answer is
   * small. A hand-off to the worker pool and back costs two thread wake-ups, more than such a call
   * itself; everything else (execution, log searches, submissions) pays it so the event loop never
   * waits.
   */
  default boolean light(JsonNode params) {
    return false;
  }

  /** The {@code result} member; a JSON null node where the spec answers null. */
  JsonNode execute(RpcRequest request);
}

package org.ailedger.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One JSON-RPC method. Implementations run on the RPC worker pool, may block on the backend, and
 * answer bad input by throwing {@link RpcException}; any other exception is a bug and reaches the
 * client only as "Internal error".
 */
public interface RpcMethod {
  String name();

  /** The {@code result} member; a JSON null node where the spec answers null. */
  JsonNode execute(RpcRequest request);
}

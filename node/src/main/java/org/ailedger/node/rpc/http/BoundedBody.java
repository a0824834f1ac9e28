package org.ailedger.node.rpc.http;

import io.vertx.core.buffer.Buffer;

/**
 * Collects a request body up to a limit. Past the limit it keeps counting but drops the bytes, so
 * the server can read the rest off the connection, answer with a JSON-RPC error and keep the
 * connection usable, without ever holding more than the limit in memory.
 */
final class BoundedBody {
  private final int limit;
  private Buffer body = Buffer.buffer();
  private long received;

  BoundedBody(int limit) {
    this.limit = limit;
  }

  void append(Buffer chunk) {
    received += chunk.length();
    if (received > limit) {
      body = null;
    } else {
      body.appendBuffer(chunk);
    }
  }

  boolean exceeded() {
    return received > limit;
  }

  Buffer body() {
    if (body == null) {
      throw new IllegalStateException("the body exceeded " + limit + " bytes and was dropped");
    }
    return body;
  }
}

package org.ailedger.node.rpc;

import java.util.Optional;

/**
 * A JSON-RPC error answer, thrown by a method and turned into the response's {@code error} member
 * in one place (the dispatcher). The message is what the user reads, so it names the parameter or
 * the limit involved.
 */
public final class RpcException extends RuntimeException {
  private final RpcError error;
  private final Optional<String> data;

  public RpcException(RpcError error, String message) {
    this(error, message, Optional.empty());
  }

  /** {@code data} goes into the error object verbatim, e.g. the revert bytes as 0x-hex. */
  public RpcException(RpcError error, String message, Optional<String> data) {
    super(message, null, false, false);
    if (error == null || message == null || message.isBlank() || data == null) {
      throw new IllegalArgumentException("an RPC error needs an error, a message and data");
    }
    this.error = error;
    this.data = data;
  }

  /** An error whose message is the error's fixed phrase. */
  public static RpcException of(RpcError error) {
    return new RpcException(error, error.phrase());
  }

  public static RpcException invalidParams(String message) {
    return new RpcException(RpcError.INVALID_PARAMS, message);
  }

  public RpcError error() {
    return error;
  }

  public Optional<String> data() {
    return data;
  }
}

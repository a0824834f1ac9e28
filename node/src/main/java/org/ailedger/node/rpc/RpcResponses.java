package org.ailedger.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.ailedger.node.rpc.json.RpcJson;

/** JSON-RPC 2.0 response objects. */
public final class RpcResponses {
  private RpcResponses() {}

  public static ObjectNode success(JsonNode id, JsonNode result) {
    ObjectNode response = RpcJson.object();
    response.put("jsonrpc", "2.0");
    response.set("id", id);
    response.set("result", result == null ? NullNode.getInstance() : result);
    return response;
  }

  public static ObjectNode error(
      JsonNode id, RpcError error, String message, Optional<String> data) {
    ObjectNode response = RpcJson.object();
    response.put("jsonrpc", "2.0");
    response.set("id", id);
    ObjectNode body = response.putObject("error");
    body.put("code", error.code());
    body.put("message", message);
    data.ifPresent(d -> body.put("data", d));
    return response;
  }

  public static ObjectNode error(JsonNode id, RpcException exception) {
    return error(id, exception.error(), exception.getMessage(), exception.data());
  }

  /** An error about the body as a whole, which has no usable id. */
  public static ObjectNode error(RpcError error, String message) {
    return error(NullNode.getInstance(), error, message, Optional.empty());
  }
}

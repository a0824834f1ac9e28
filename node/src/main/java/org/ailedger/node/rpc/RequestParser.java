package org.ailedger.node.rpc;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ailedger.node.rpc.json.RpcJson;

/**
 * Turns a request body into envelopes by the JSON-RPC 2.0 rules. Cheap enough for the event loop:
 * it parses and checks shapes, it runs no method.
 */
public final class RequestParser {
  private static final int MAX_REASON_CHARS = 200;

  private final int maxBatchSize;

  public RequestParser(int maxBatchSize) {
    if (maxBatchSize <= 0) {
      throw new IllegalArgumentException("maxBatchSize must be positive");
    }
    this.maxBatchSize = maxBatchSize;
  }

  public ParsedBody parse(byte[] body) {
    JsonNode root;
    try {
      root = RpcJson.parse(body);
    } catch (IOException e) {
      return new ParsedBody.Refused(RpcResponses.error(RpcError.PARSE_ERROR, parseFailure(e)));
    }
    if (!root.isArray()) {
      return new ParsedBody.Single(envelope(root));
    }
    if (root.isEmpty()) {
      return new ParsedBody.Refused(
          RpcResponses.error(RpcError.INVALID_REQUEST, "invalid request: empty batch"));
    }
    if (root.size() > maxBatchSize) {
      return new ParsedBody.Refused(
          RpcResponses.error(
              RpcError.INVALID_REQUEST,
              "invalid request: batch of "
                  + root.size()
                  + " requests exceeds the limit of "
                  + maxBatchSize));
    }
    List<Envelope> envelopes = new ArrayList<>(root.size());
    root.forEach(element -> envelopes.add(envelope(element)));
    return new ParsedBody.Batch(envelopes);
  }

  /** Checks one request object. */
  static Envelope envelope(JsonNode node) {
    if (!node.isObject()) {
      return new Envelope.Invalid(
          NullNode.getInstance(), "invalid request: a request must be a JSON object");
    }
    JsonNode id = node.get("id");
    if (id != null && !id.isTextual() && !id.isNumber() && !id.isNull()) {
      return new Envelope.Invalid(
          NullNode.getInstance(), "invalid request: id must be a string, a number or null");
    }
    JsonNode answerId = id == null ? NullNode.getInstance() : id;
    JsonNode version = node.get("jsonrpc");
    if (version == null || !version.isTextual() || !version.textValue().equals("2.0")) {
      return new Envelope.Invalid(answerId, "invalid request: jsonrpc must be \"2.0\"");
    }
    JsonNode method = node.get("method");
    if (method == null || !method.isTextual()) {
      return new Envelope.Invalid(answerId, "invalid request: method must be a string");
    }
    JsonNode params = node.get("params");
    if (params != null && !params.isArray() && !params.isObject() && !params.isNull()) {
      return new Envelope.Invalid(
          answerId, "invalid request: params must be an array or an object");
    }
    return new Envelope.Call(Optional.ofNullable(id), method.textValue(), params);
  }

  /** The parser's reason and position, without echoing the body back. */
  private static String parseFailure(IOException e) {
    String reason =
        e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
    if (reason == null) {
      reason = "not JSON";
    }
    reason = reason.lines().findFirst().orElse("not JSON");
    if (reason.length() > MAX_REASON_CHARS) {
      reason = reason.substring(0, MAX_REASON_CHARS) + "…";
    }
    if (e instanceof JsonProcessingException jpe
        && jpe.getLocation() != null
        && jpe.getLocation() != JsonLocation.NA) {
      reason +=
          " at line "
              + jpe.getLocation().getLineNr()
              + ", column "
              + jpe.getLocation().getColumnNr();
    }
    return "parse error: " + reason;
  }
}

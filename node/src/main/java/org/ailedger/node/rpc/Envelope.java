package org.ailedger.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** One element of a request body, checked against the JSON-RPC 2.0 request rules. */
public sealed interface Envelope {
  /**
   * A well-formed call.
   *
   * @param id the id exactly as sent; empty for a notification, which gets no answer
   * @param params the raw {@code params} member, null when absent
   */
  record Call(Optional<JsonNode> id, String method, JsonNode params) implements Envelope {
    public Call {
      if (id == null || method == null) {
        throw new IllegalArgumentException("a call needs an id option and a method");
      }
    }

    public boolean isNotification() {
      return id.isEmpty();
    }
  }

  /** Not a valid request object; always answered with -32600, under its id when usable. */
  record Invalid(JsonNode id, String message) implements Envelope {
    public Invalid {
      if (id == null || message == null) {
        throw new IllegalArgumentException("an invalid request needs an id node and a message");
      }
    }
  }
}

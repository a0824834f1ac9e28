package org.ailedger.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A request body after parsing: one request, a batch, or an answer already decided. */
public sealed interface ParsedBody {
  record Single(Envelope envelope) implements ParsedBody {}

  record Batch(List<Envelope> envelopes) implements ParsedBody {
    public Batch {
      envelopes = List.copyOf(envelopes);
      if (envelopes.isEmpty()) {
        throw new IllegalArgumentException("an empty batch is answered as an invalid request");
      }
    }
  }

  /** The body itself is the problem (not JSON, empty or oversized batch); this is the answer. */
  record Refused(JsonNode response) implements ParsedBody {}
}

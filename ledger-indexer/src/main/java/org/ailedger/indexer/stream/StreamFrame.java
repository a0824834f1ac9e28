package org.ailedger.indexer.stream;

import io.vertx.core.json.JsonObject;
import org.ailedger.indexer.event.NativeContract;
import org.ailedger.indexer.store.EventId;
import org.ailedger.indexer.store.OutboxEntry;

/**
 * An outbox entry as one Server-Sent Event: {@code id} is {@code block:logIndex}, {@code event} the
 * event's ABI name and {@code data} one line of JSON: where the event sits, which contract emitted
 * it, and its arguments in the REST API's conventions (as the outbox stores them).
 */
public final class StreamFrame {
  /** Tells a client how soon to reconnect after the stream drops (slow consumer, restart). */
  static final String PREAMBLE = "retry: 1000\n\n";

  /** A comment line: clients ignore it, proxies see traffic. */
  static final String HEARTBEAT = ": keep-alive\n\n";

  private StreamFrame() {}

  static String of(OutboxEntry entry) {
    return "id: "
        + EventId.of(entry)
        + "\nevent: "
        + entry.event()
        + "\ndata: "
        + data(entry).encode()
        + "\n\n";
  }

  /**
   * The event's {@code data}: also the form in which the REST API lists a transaction's events, so
   * a client reads one shape from either.
   */
  public static JsonObject data(OutboxEntry entry) {
    NativeContract contract = NativeContract.valueOf(entry.contract());
    return new JsonObject()
        .put("id", EventId.of(entry).toString())
        .put("event", entry.event())
        .put("contract", ContractName.of(contract))
        .put("address", contract.address().hex())
        .put(
            "at",
            new JsonObject()
                .put("blockNumber", entry.blockNumber())
                .put("logIndex", entry.logIndex())
                .put("txHash", entry.txHash().toHexString()))
        // JSON text in, JSON text out: parsing it only checks what the writer produced
        .put("args", new JsonObject(entry.payload()));
  }
}

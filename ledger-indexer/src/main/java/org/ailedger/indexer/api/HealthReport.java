package org.ailedger.indexer.api;

import io.vertx.core.json.JsonObject;
import org.ailedger.indexer.ingest.IngestStatus;
import org.ailedger.indexer.ingest.NewHeadsState;
import org.ailedger.indexer.store.Cursor;

/**
 * {@code /v1/health} from the ingester's in-memory status, without touching the store, so that it
 * answers even when the store is slow or its pool exhausted.
 */
final class HealthReport {
  private HealthReport() {}

  static JsonObject of(IngestStatus status, NewHeadsState newHeads) {
    return of(status).put("newHeads", newHeads(newHeads));
  }

  /** The {@code newHeads} wake-up: {@code not-configured} without {@code --ws}. */
  static JsonObject newHeads(NewHeadsState state) {
    return switch (state) {
      case NewHeadsState.NotConfigured none -> new JsonObject().put("state", "not-configured");
      case NewHeadsState.Connecting connecting -> new JsonObject().put("state", "connecting");
      case NewHeadsState.Connected connected -> new JsonObject().put("state", "connected");
      case NewHeadsState.Reconnecting reconnecting ->
          new JsonObject()
              .put("state", "reconnecting")
              .put("lastError", reconnecting.lastError())
              .put("attempt", reconnecting.attempt())
              .put("retryInMillis", reconnecting.retryIn().toMillis());
    };
  }

  private static JsonObject of(IngestStatus status) {
    JsonObject block = status.cursor().map(HealthReport::block).orElse(null);
    JsonObject json = new JsonObject().put("block", block);
    switch (status) {
      case IngestStatus.Starting starting -> json.put("status", "starting");
      case IngestStatus.Following following -> {
        json.put("status", following.caughtUp() ? "ok" : "catching-up")
            .put("nodeHead", following.nodeHead())
            .put(
                "headLag",
                Math.max(
                    0,
                    following.nodeHead() - following.cursor().map(Cursor::blockNumber).orElse(0L)));
      }
      case IngestStatus.Retrying retrying ->
          json.put("status", "retrying")
              .put("reason", retrying.reason())
              .put("attempt", retrying.attempt())
              .put("retryInMillis", retrying.retryIn().toMillis());
      case IngestStatus.Halted halted ->
          json.put("status", "halted").put("reason", halted.reason());
      case IngestStatus.Stopped stopped -> json.put("status", "stopped");
    }
    return json;
  }

  static JsonObject block(Cursor cursor) {
    return new JsonObject()
        .put("number", cursor.blockNumber())
        .put("hash", cursor.blockHash().toHexString());
  }
}

package org.ailedger.indexer.api;

import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Counts of what the indexed chain holds, the rewards minted and the head block. */
final class StatsReads {
  /** Each count's name in the answer and the SQL that counts it. */
  private static final Map<String, String> COUNTS = counts();

  JsonObject stats(Snapshot at) throws SQLException {
    JsonObject counts = new JsonObject();
    for (Map.Entry<String, String> count : COUNTS.entrySet()) {
      try (PreparedStatement query = at.connection().prepareStatement(count.getValue());
          ResultSet row = query.executeQuery()) {
        row.next();
        counts.put(count.getKey(), row.getLong(1));
      }
    }
    // blocks 0..head are all indexed, though only blocks with events are stored
    counts.put("blocks", at.blockNumber() + 1);
    JsonObject json =
        new JsonObject()
            .put("counts", counts)
            .put("rewardsMinted", rewardsMinted(at))
            .put("head", head(at));
    return new JsonObject().put("data", json);
  }

  private static String rewardsMinted(Snapshot at) throws SQLException {
    try (PreparedStatement query =
            at.connection()
                .prepareStatement(
                    "SELECT " + UintSum.terms(at.engine(), "reward", "minted") + " FROM rewards");
        ResultSet row = query.executeQuery()) {
      row.next();
      return UintSum.read(at.engine(), row, "minted").toString();
    }
  }

  /** The snapshot's block with its time, when stored (the cursor's block always is). */
  private static JsonObject head(Snapshot at) throws SQLException {
    JsonObject head = at.block();
    try (PreparedStatement query =
        at.connection()
            .prepareStatement("SELECT block_timestamp FROM blocks WHERE block_number = ?")) {
      query.setLong(1, at.blockNumber());
      try (ResultSet row = query.executeQuery()) {
        head.put("timestamp", row.next() ? row.getLong(1) : null);
      }
    }
    return head;
  }

  private static Map<String, String> counts() {
    Map<String, String> counts = new LinkedHashMap<>();
    counts.put("models", "SELECT COUNT(*) FROM models");
    counts.put("rounds", "SELECT COUNT(*) FROM rounds");
    counts.put("updates", "SELECT COUNT(*) FROM updates");
    counts.put("rewards", "SELECT COUNT(*) FROM rewards");
    counts.put("datasets", "SELECT COUNT(*) FROM datasets");
    counts.put("revokedDatasets", "SELECT COUNT(*) FROM revocations");
    counts.put("proposals", "SELECT COUNT(*) FROM proposals");
    counts.put("votes", "SELECT COUNT(*) FROM votes");
    counts.put("members", "SELECT COUNT(DISTINCT member_id) FROM (" + Current.ACCOUNTS + ") a");
    counts.put("accounts", "SELECT COUNT(*) FROM (" + Current.ACCOUNTS + ") a");
    counts.put("validators", "SELECT COUNT(*) FROM (" + Current.VALIDATORS + ") v");
    // not the outbox: it keeps only the latest blocks' events
    counts.put("events", "SELECT COUNT(*) FROM events");
    return Collections.unmodifiableMap(counts);
  }
}

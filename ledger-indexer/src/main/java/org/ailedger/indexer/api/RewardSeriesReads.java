package org.ailedger.indexer.api;

import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ailedger.indexer.event.EthAddress;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Rewards over time: the rewards of one contributor or one model summed per bucket of blocks or
 * days, exactly, in the list's range and order. Buckets without rewards are left out. A page's
 * cursor holds the last bucket's number.
 */
final class RewardSeriesReads {
  JsonObject contributor(Snapshot at, EthAddress address, RewardBucket bucket, ListQuery list)
      throws SQLException {
    if (!ContributorReads.known(at, address.hex())) {
      throw ModelReads.notFound("contributor " + address.hex());
    }
    return series(at, "contributor", address.hex(), bucket, list);
  }

  JsonObject model(Snapshot at, Bytes32 modelId, RewardBucket bucket, ListQuery list)
      throws SQLException {
    // an unknown model is a 404, not an empty series
    new ModelReads().model(at, modelId);
    return series(at, "model_id", modelId.toHexString(), bucket, list);
  }

  private static JsonObject series(
      Snapshot at, String column, String value, RewardBucket bucket, ListQuery list)
      throws SQLException {
    BlockRange.Span span = list.range().resolve(at);
    Page page = list.page();
    Optional<PageKey> after = page.after();
    String key = bucket.key();
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT "
                    + key
                    + " AS bucket, COUNT(*) AS reward_count, "
                    + UintSum.terms(at.engine(), "w.reward", "total")
                    + " FROM rewards w"
                    + (bucket.needsTime()
                        ? " JOIN blocks b ON b.block_number = w.block_number"
                        : "")
                    + " WHERE w."
                    + column
                    + " = ? AND w.block_number BETWEEN ? AND ?"
                    + (after.isPresent() ? " AND " + key + " " + list.order().beyond() + " ?" : "")
                    + " GROUP BY "
                    + key
                    + " ORDER BY "
                    + key
                    + " "
                    + list.order().sql()
                    + " LIMIT ?")) {
      int index = 1;
      query.setString(index++, value);
      query.setLong(index++, span.first());
      query.setLong(index++, span.last());
      if (after.isPresent()) {
        query.setLong(index++, after.get().blockNumber());
      }
      query.setInt(index, page.fetch());
      List<Page.Row> rows = new ArrayList<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          long number = row.getLong("bucket");
          rows.add(
              new Page.Row(
                  // the bucket number stands where a block number would: the token stays opaque
                  new PageKey(number, 0),
                  bucket
                      .bounds(number)
                      .put("rewardTotal", UintSum.read(at.engine(), row, "total").toString())
                      .put("rewardCount", row.getLong("reward_count"))));
        }
      }
      return page.answer(rows);
    }
  }
}

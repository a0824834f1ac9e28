package org.ailedger.indexer.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A radius's summary (counts, reward totals, rounds, models) from the per-round totals the writer
 * keeps per ancestor ({@code radius_rounds}): one index range of the rounds the radius's updates
 * fall in, however many updates that is. A radius cut at {@link BlastRadiusReads#MAX_DATASETS}
 * datasets takes off the hits beyond its cut when they are few (its tail), and otherwise sums the
 * hits it keeps.
 */
final class RadiusTotals {
  /** The most hits beyond a cut taken off the kept totals; with more, the kept hits are summed. */
  static final int MAX_TAIL_HITS = 2_000;

  private RadiusTotals() {}

  /**
   * Puts the summary of the radius of {@code root}, of {@code size} datasets, into {@code json}.
   */
  static void put(Snapshot at, String root, long size, Optional<RadiusCut> cut, JsonObject json)
      throws SQLException {
    Map<RoundKey, RoundTotal> rounds = kept(at, root);
    if (cut.isPresent() && !takeOffTail(at, root, cut.get(), rounds)) {
      rounds = keptBefore(at, root, cut.get());
    }
    Map<String, ModelTotal> models = new LinkedHashMap<>();
    ModelTotal all = new ModelTotal();
    List<JsonObject> roundList = new ArrayList<>();
    for (Map.Entry<RoundKey, RoundTotal> entry : rounds.entrySet()) {
      RoundTotal round = entry.getValue();
      if (round.updates == 0) {
        continue; // every hit of this round lies beyond the cut
      }
      all.add(round);
      ModelTotal model = models.computeIfAbsent(entry.getKey().modelId(), m -> new ModelTotal());
      model.add(round);
      model.rounds++;
      if (roundList.size() < BlastRadiusReads.MAX_ROUNDS + 1) {
        roundList.add(
            new JsonObject()
                .put("modelId", entry.getKey().modelId())
                .put("round", entry.getKey().round())
                .put("updateCount", round.updates)
                .put("rewardCount", round.rewards)
                .put("rewardTotal", round.total.toString()));
      }
    }
    JsonArray modelList = new JsonArray();
    models.entrySet().stream()
        .limit(BlastRadiusReads.MAX_ROUNDS)
        .forEach(
            model ->
                modelList.add(
                    new JsonObject()
                        .put("updateCount", model.getValue().updates)
                        .put("rewardCount", model.getValue().rewards)
                        .put("rewardTotal", model.getValue().total.toString())
                        .put("modelId", model.getKey())
                        .put("roundCount", model.getValue().rounds)));
    json.put("datasetCount", Math.min(size, BlastRadiusReads.MAX_DATASETS))
        .put("truncated", cut.isPresent())
        .put("updateCount", all.updates)
        .put("rewardCount", all.rewards)
        .put("rewardTotal", all.total.toString())
        .put(
            "rounds", new JsonArray(roundList.stream().limit(BlastRadiusReads.MAX_ROUNDS).toList()))
        .put("roundsTruncated", roundList.size() > BlastRadiusReads.MAX_ROUNDS)
        .put("models", modelList)
        .put("modelsTruncated", models.size() > BlastRadiusReads.MAX_ROUNDS);
  }

  /** The writer's totals of every hit of the radius, by model and round in their order. */
  private static Map<RoundKey, RoundTotal> kept(Snapshot at, String root) throws SQLException {
    Map<RoundKey, RoundTotal> rounds = new LinkedHashMap<>();
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT * FROM radius_rounds WHERE ancestor_id = ? ORDER BY model_id, round")) {
      query.setString(1, root);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          rounds.put(
              new RoundKey(row.getString("model_id"), row.getLong("round")),
              new RoundTotal(
                  row.getLong("update_count"),
                  row.getLong("reward_count"),
                  UintSum.fromSlices(row, "reward_")));
        }
      }
    }
    return rounds;
  }

  /**
   * Takes the hits beyond the cut off {@code rounds}; false, with {@code rounds} untouched, when
   * there are more than {@link #MAX_TAIL_HITS} of them.
   */
  private static boolean takeOffTail(
      Snapshot at, String root, RadiusCut cut, Map<RoundKey, RoundTotal> rounds)
      throws SQLException {
    List<TailHit> tail = new ArrayList<>();
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT h.model_id, h.round, w.reward FROM radius_hits h"
                    + BlastRadiusReads.REWARD_OF_HIT
                    + " WHERE h.ancestor_id = ? AND "
                    + RadiusCut.drops("h.nearest_depth", "h.nearest_block", "h.nearest_log")
                    + " LIMIT ?")) {
      query.setString(1, root);
      query.setInt(cut.bind(query, 2), MAX_TAIL_HITS + 1);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          if (tail.size() == MAX_TAIL_HITS) {
            return false;
          }
          tail.add(
              new TailHit(
                  new RoundKey(row.getString("model_id"), row.getLong("round")),
                  at.engine().readUint(row, "reward")));
        }
      }
    }
    for (TailHit hit : tail) {
      RoundTotal round = rounds.get(hit.round());
      if (round == null) {
        throw new IllegalStateException("a hit of " + root + " beyond its cut has no round total");
      }
      round.takeOff(hit.reward());
    }
    return true;
  }

  /** The totals of the hits at or before the cut, summed from the hits themselves. */
  private static Map<RoundKey, RoundTotal> keptBefore(Snapshot at, String root, RadiusCut cut)
      throws SQLException {
    Map<RoundKey, RoundTotal> rounds = new LinkedHashMap<>();
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT h.model_id, h.round, COUNT(*) AS update_count,"
                    + " COUNT(w.reward) AS reward_count, "
                    + UintSum.terms(at.engine(), "w.reward", "total")
                    + " FROM radius_hits h"
                    + BlastRadiusReads.REWARD_OF_HIT
                    + " WHERE h.ancestor_id = ? AND "
                    + RadiusCut.keeps("h.nearest_depth", "h.nearest_block", "h.nearest_log")
                    + " GROUP BY h.model_id, h.round ORDER BY h.model_id, h.round")) {
      query.setString(1, root);
      cut.bind(query, 2);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          rounds.put(
              new RoundKey(row.getString("model_id"), row.getLong("round")),
              new RoundTotal(
                  row.getLong("update_count"),
                  row.getLong("reward_count"),
                  UintSum.read(at.engine(), row, "total")));
        }
      }
    }
    return rounds;
  }

  private record RoundKey(String modelId, long round) {}

  /** A hit beyond the cut, joined with its reward (null when unpaid). */
  private record TailHit(RoundKey round, BigInteger reward) {}

  /** A round's hits and rewards; mutable while the tail is taken off. */
  private static final class RoundTotal {
    long updates;
    long rewards;
    BigInteger total;

    RoundTotal(long updates, long rewards, BigInteger total) {
      this.updates = updates;
      this.rewards = rewards;
      this.total = total;
    }

    /** One row of a hit joined with its reward, if any, as the totals counted it. */
    void takeOff(BigInteger reward) {
      updates--;
      if (reward != null) {
        rewards--;
        total = total.subtract(reward);
      }
    }
  }

  private static final class ModelTotal {
    long rounds;
    long updates;
    long rewards;
    BigInteger total = BigInteger.ZERO;

    void add(RoundTotal round) {
      updates += round.updates;
      rewards += round.rewards;
      total = total.add(round.total);
    }
  }
}

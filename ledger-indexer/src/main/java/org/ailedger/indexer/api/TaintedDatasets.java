package org.ailedger.indexer.api;

import io.vertx.core.json.JsonArray;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.ailedger.indexer.store.Engine;

/**
 * Which of some datasets are tainted: revoked themselves or derived, through any number of
 * generations, from a revoked dataset. Worked out by the store on both engines with one recursive
 * walk up {@code lineage} (index {@code lineage_by_dataset}) from all of them at once.
 *
 * <p>The walk is not cut: lineage is acyclic and grows only from datasets that already exist, so
 * every ancestry is finite, and a cut walk would call a tainted dataset clean. A UNION (not UNION
 * ALL) keeps each (dataset, ancestor) pair once, so a diamond is walked once per dataset.
 */
final class TaintedDatasets {
  private TaintedDatasets() {}

  /** The ids among {@code ids} that are tainted now. */
  static Set<String> among(Snapshot at, Collection<String> ids) throws SQLException {
    Set<String> tainted = new HashSet<>();
    if (ids.isEmpty()) {
      return tainted;
    }
    try (PreparedStatement query = at.connection().prepareStatement(sql(at.engine()))) {
      query.setString(1, new JsonArray(ids.stream().distinct().toList()).encode());
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          tainted.add(row.getString(1));
        }
      }
    }
    return tainted;
  }

  private static String sql(Engine engine) {
    String subjects =
        switch (engine) {
          case SQLITE -> "SELECT value AS id FROM json_each(?)";
          case POSTGRESQL -> "SELECT value AS id FROM json_array_elements_text(CAST(? AS json))";
        };
    return "WITH RECURSIVE subject(id) AS ("
        + subjects
        + "), ancestry(subject_id, id) AS (SELECT id, id FROM subject"
        + " UNION SELECT a.subject_id, l.parent_id FROM lineage l"
        + " JOIN ancestry a ON l.dataset_id = a.id)"
        + " SELECT DISTINCT a.subject_id FROM ancestry a"
        + " JOIN revocations v ON v.dataset_id = a.id";
  }
}

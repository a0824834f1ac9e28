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
 * generations, from a revoked dataset. Worked out by the store on both engines with one join of the
 * lineage closure the ingester keeps ({@code lineage_closure}, by descendant; each dataset is its
 * own ancestor at depth 0) with the revocations, for all of them at once.
 *
 * <p>The closure is not cut: it holds every ancestor of every dataset, since a cut ancestry would
 * call a tainted dataset clean.
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
    return "SELECT s.id FROM ("
        + subjects
        + ") s WHERE EXISTS (SELECT 1 FROM lineage_closure c"
        + " JOIN revocations v ON v.dataset_id = c.ancestor_id WHERE c.descendant_id = s.id)";
  }
}

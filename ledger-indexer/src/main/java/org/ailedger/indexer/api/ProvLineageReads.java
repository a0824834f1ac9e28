package org.ailedger.indexer.api;

import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A dataset's lineage (its ancestors and descendants, transitively) as a W3C PROV-JSON document.
 * The statements sit in one bundle; the document's top level describes that bundle as an entity
 * with the block it reflects, so the export itself carries its provenance and stays plain PROV-JSON
 * (which allows no other top-level members). Datasets are entities derived from their parents and
 * attributed to their owners; owners are agents acting for their members; a revocation is an
 * activity, associated with the revoker, that invalidated the dataset.
 */
final class ProvLineageReads {
  /** The most ancestors and the most descendants one document holds; beyond, it is truncated. */
  static final int MAX_DATASETS = 1000;

  /**
   * The lineage set: the root, its first ancestors and its first descendants, nearest first, read
   * from the lineage closure (each direction includes the root at depth 0).
   */
  private static final String LINEAGE =
      "WITH up_walk AS (SELECT ancestor_id AS id FROM lineage_closure WHERE descendant_id = ?"
          + " ORDER BY depth, ancestor_id LIMIT ?),"
          + " down_walk AS (SELECT descendant_id AS id FROM lineage_closure WHERE ancestor_id = ?"
          + " ORDER BY depth, block_number, log_index LIMIT ?),"
          + " lineage_set AS (SELECT id FROM (SELECT id FROM up_walk LIMIT ?) a"
          + " UNION SELECT id FROM (SELECT id FROM down_walk LIMIT ?) d) ";

  JsonObject document(Snapshot at, Bytes32 datasetId) throws SQLException {
    String id = datasetId.toHexString();
    // the lineage of an unknown dataset is a 404 like the dataset itself
    new DatasetReads().dataset(at, datasetId);
    long chainId = chainId(at);
    String base = "urn:ailedger:" + chainId + ":";
    JsonObject prefix =
        new JsonObject()
            .put("ailedger", "urn:ailedger:")
            .put("dataset", base + "dataset:")
            .put("account", base + "account:")
            .put("member", base + "member:")
            .put("tx", base + "tx:")
            .put("export", base + "lineage:");
    Statements bundle = new Statements();
    Set<String> accounts = new LinkedHashSet<>();
    boolean truncated = datasets(at, id, bundle, accounts);
    edges(at, id, bundle);
    for (String account : accounts) {
      bundle.agent("account:" + account, typed("ailedger:Account"));
      String member = memberOf(at, account);
      if (member != null) {
        bundle.agent("member:" + member, typed("prov:Organization"));
        bundle.relation(
            "actedOnBehalfOf",
            new JsonObject()
                .put("prov:delegate", "account:" + account)
                .put("prov:responsible", "member:" + member));
      }
    }
    String bundleId = "export:" + id + "-at-" + at.blockNumber();
    JsonObject described =
        typed("prov:Bundle")
            .put("ailedger:subject", "dataset:" + id)
            .put("ailedger:chainId", chainId)
            .put("ailedger:blockNumber", at.blockNumber())
            .put("ailedger:blockHash", at.blockHash())
            .put("ailedger:truncated", truncated)
            .put("ailedger:maxDatasetsPerDirection", MAX_DATASETS);
    return new JsonObject()
        .put("prefix", prefix)
        .put("entity", new JsonObject().put(bundleId, described))
        .put("bundle", new JsonObject().put(bundleId, bundle.json().put("prefix", prefix.copy())));
  }

  /**
   * Adds the datasets of the lineage set as entities, their attributions and revocations; notes the
   * accounts named; returns whether either walk was cut.
   */
  private static boolean datasets(Snapshot at, String id, Statements bundle, Set<String> accounts)
      throws SQLException {
    boolean truncated;
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                LINEAGE
                    + "SELECT d.dataset_id, d.owner, d.content_hash, d.uri, d.license,"
                    + " d.block_number, d.tx_hash, v.revoked_by, v.reason_hash,"
                    + " v.block_number AS revoked_block, v.tx_hash AS revoked_tx,"
                    + " b.block_timestamp AS revoked_time,"
                    + " (SELECT COUNT(*) FROM up_walk) AS ancestors_walked,"
                    + " (SELECT COUNT(*) FROM down_walk) AS descendants_walked"
                    + " FROM lineage_set s JOIN datasets d ON d.dataset_id = s.id"
                    + " LEFT JOIN revocations v ON v.dataset_id = d.dataset_id"
                    + " LEFT JOIN blocks b ON b.block_number = v.block_number"
                    + " ORDER BY d.block_number, d.log_index")) {
      bindLineage(query, id);
      truncated = false;
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          // each walk includes the root, so more than MAX + 1 rows means one was cut
          truncated =
              row.getLong("ancestors_walked") > MAX_DATASETS + 1
                  || row.getLong("descendants_walked") > MAX_DATASETS + 1;
          String dataset = "dataset:" + row.getString("dataset_id");
          String owner = row.getString("owner");
          String revoker = row.getString("revoked_by");
          bundle.entity(
              dataset,
              typed("ailedger:Dataset")
                  .put("ailedger:contentHash", row.getString("content_hash"))
                  .put("ailedger:uri", row.getString("uri"))
                  .put("ailedger:license", row.getString("license"))
                  .put("ailedger:revoked", revoker != null)
                  .put("ailedger:attestedInBlock", row.getLong("block_number"))
                  .put("ailedger:attestationTx", row.getString("tx_hash")));
          accounts.add(owner);
          bundle.relation(
              "wasAttributedTo",
              new JsonObject().put("prov:entity", dataset).put("prov:agent", "account:" + owner));
          if (revoker != null) {
            accounts.add(revoker);
            revocation(bundle, dataset, revoker, row);
          }
        }
      }
    }
    return truncated;
  }

  private static void revocation(Statements bundle, String dataset, String revoker, ResultSet row)
      throws SQLException {
    String activity = "tx:" + row.getString("revoked_tx");
    long time = row.getLong("revoked_time");
    String when = row.wasNull() ? null : Instant.ofEpochSecond(time).toString();
    JsonObject attributes =
        typed("ailedger:Revocation")
            .put("ailedger:blockNumber", row.getLong("revoked_block"))
            .put("ailedger:reasonHash", row.getString("reason_hash"));
    JsonObject invalidation =
        new JsonObject().put("prov:entity", dataset).put("prov:activity", activity);
    if (when != null) {
      // a transaction is instantaneous: it starts and ends at its block's time
      attributes.put("prov:startTime", when).put("prov:endTime", when);
      invalidation.put("prov:time", when);
    }
    bundle.activity(activity, attributes);
    bundle.relation("wasInvalidatedBy", invalidation);
    bundle.relation(
        "wasAssociatedWith",
        new JsonObject().put("prov:activity", activity).put("prov:agent", "account:" + revoker));
  }

  /** Adds a derivation for every lineage edge between two datasets of the set. */
  private static void edges(Snapshot at, String id, Statements bundle) throws SQLException {
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                LINEAGE
                    + "SELECT l.dataset_id, l.parent_id, l.block_number FROM lineage l"
                    + " JOIN lineage_set c ON c.id = l.dataset_id"
                    + " JOIN lineage_set p ON p.id = l.parent_id"
                    + " ORDER BY l.block_number, l.log_index, l.position")) {
      bindLineage(query, id);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          bundle.relation(
              "wasDerivedFrom",
              new JsonObject()
                  .put("prov:generatedEntity", "dataset:" + row.getString("dataset_id"))
                  .put("prov:usedEntity", "dataset:" + row.getString("parent_id")));
        }
      }
    }
  }

  private static void bindLineage(PreparedStatement query, String id) throws SQLException {
    // the walks go one further than they keep, to learn whether they were cut; + 1 is the root
    query.setString(1, id);
    query.setInt(2, MAX_DATASETS + 2);
    query.setString(3, id);
    query.setInt(4, MAX_DATASETS + 2);
    query.setInt(5, MAX_DATASETS + 1);
    query.setInt(6, MAX_DATASETS + 1);
  }

  private static long chainId(Snapshot at) throws SQLException {
    try (PreparedStatement query = at.connection().prepareStatement("SELECT chain_id FROM chain");
        ResultSet row = query.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  private static String memberOf(Snapshot at, String account) throws SQLException {
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT member_id FROM (" + Current.ACCOUNTS + ") c WHERE c.account = ?")) {
      query.setString(1, account);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }

  /** Attributes with a {@code prov:type} given as a qualified name. */
  private static JsonObject typed(String type) {
    return new JsonObject()
        .put("prov:type", new JsonObject().put("$", type).put("type", "prov:QUALIFIED_NAME"));
  }

  /** The statements of one bundle, by PROV-JSON member; relations get blank-node ids. */
  private static final class Statements {
    private final JsonObject json = new JsonObject();
    private int relations;

    void entity(String id, JsonObject attributes) {
      member("entity").put(id, attributes);
    }

    void agent(String id, JsonObject attributes) {
      member("agent").put(id, attributes);
    }

    void activity(String id, JsonObject attributes) {
      member("activity").put(id, attributes);
    }

    void relation(String kind, JsonObject relation) {
      member(kind).put("_:r" + ++relations, relation);
    }

    private JsonObject member(String name) {
      JsonObject member = json.getJsonObject(name);
      if (member == null) {
        member = new JsonObject();
        json.put(name, member);
      }
      return member;
    }

    JsonObject json() {
      return json;
    }
  }
}

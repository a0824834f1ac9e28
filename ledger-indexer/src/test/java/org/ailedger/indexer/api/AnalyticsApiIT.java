package org.ailedger.indexer.api;

import static org.ailedger.indexer.api.AnalyticsChain.A;
import static org.ailedger.indexer.api.AnalyticsChain.B;
import static org.ailedger.indexer.api.AnalyticsChain.C;
import static org.ailedger.indexer.api.AnalyticsChain.D;
import static org.ailedger.indexer.api.AnalyticsChain.M1;
import static org.ailedger.indexer.api.AnalyticsChain.M2;
import static org.ailedger.indexer.api.AnalyticsChain.MX;
import static org.ailedger.indexer.api.AnalyticsChain.MY;
import static org.ailedger.indexer.api.AnalyticsChain.R;
import static org.ailedger.indexer.api.AnalyticsChain.U;
import static org.ailedger.indexer.api.AnalyticsChain.X;
import static org.ailedger.indexer.api.AnalyticsChain.X_FIRST;
import static org.ailedger.indexer.api.AnalyticsChain.Y;
import static org.ailedger.indexer.api.AnalyticsChain.Z;
import static org.ailedger.indexer.api.AnalyticsChain.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ailedger.indexer.event.DataProvenanceEvent;
import org.ailedger.indexer.event.DecodedLog;
import org.ailedger.indexer.event.LogPosition;
import org.ailedger.indexer.store.Batch;
import org.ailedger.indexer.store.Cursor;
import org.ailedger.indexer.store.Database;
import org.ailedger.indexer.store.Engine;
import org.ailedger.indexer.store.LedgerWriter;
import org.ailedger.indexer.store.SampleEvents;
import org.ailedger.indexer.store.TestStores;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The analyst reads (blast radius, PROV lineage, members, validators, permission history, rewards
 * over time, stats, proposal states, ranges and order) over {@link AnalyticsChain} on both engines:
 * the values worked out by hand from its story, and every answer held to {@code /openapi.json}.
 */
class AnalyticsApiIT {
  @RegisterExtension final TestStores stores = new TestStores();

  @RegisterExtension final ApiServers servers = new ApiServers();
  private ApiServer api;
  private OpenApiContract contract;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aBlastRadiusReachesDescendantsTheirUpdatesRoundsModelsAndRewards(Engine engine)
      throws Exception {
    serve(engine);

    JsonObject radius =
        checked("/v1/datasets/{datasetId}/blast-radius", "/v1/datasets/" + hex(R) + "/blast-radius")
            .getJsonObject("data");

    assertThat(radius.getBoolean("revoked")).isTrue();
    assertThat(radius.getLong("datasetCount")).isEqualTo(5);
    assertThat(radius.getBoolean("truncated")).isFalse();
    assertThat(radius.getLong("updateCount")).isEqualTo(4);
    assertThat(radius.getLong("rewardCount")).isEqualTo(4);
    // X's two rewards, Z's and Y's in model two; not Y's in model one (it cited only U)
    BigInteger total = X_FIRST.add(tokens(300)).add(tokens(50)).add(tokens(1000));
    assertThat(radius.getString("rewardTotal")).isEqualTo(total.toString());
    assertThat(radius.getJsonArray("rounds"))
        .isEqualTo(
            sortedByModel(
                round(M1, 1, 2, X_FIRST.add(tokens(300))),
                round(M1, 2, 1, tokens(50)),
                round(M2, 1, 1, tokens(1000))));
    JsonObject modelOne = model(radius, M1);
    assertThat(modelOne.getLong("roundCount")).isEqualTo(2);
    assertThat(modelOne.getLong("updateCount")).isEqualTo(3);
    assertThat(modelOne.getString("rewardTotal")).isEqualTo(X_FIRST.add(tokens(350)).toString());
    assertThat(model(radius, M2).getString("rewardTotal")).isEqualTo(tokens(1000).toString());
    JsonArray updates = radius.getJsonArray("items");
    assertThat(radius.getString("list")).isEqualTo("updates");
    assertThat(updates.stream().map(u -> contributorRound((JsonObject) u)).toList())
        .containsExactly(X.hex() + "@1", Z.hex() + "@1", X.hex() + "@2", Y.hex() + "@1");
    JsonObject z = updates.getJsonObject(1);
    assertThat(z.getJsonArray("datasets").getList()).containsExactly(hex(D), hex(U));
    assertThat(z.getLong("citationsInRadius")).isEqualTo(1);
    assertThat(z.getString("reward")).isEqualTo(tokens(300).toString());

    JsonObject below = api.json("/v1/datasets/" + hex(A) + "/blast-radius").getJsonObject("data");
    assertThat(below.getLong("datasetCount")).as("A, C and D").isEqualTo(3);
    assertThat(below.getBoolean("revoked")).isFalse();
    assertThat(below.getString("rewardTotal")).isEqualTo(X_FIRST.add(tokens(350)).toString());
    JsonObject leaf = api.json("/v1/datasets/" + hex(U) + "/blast-radius").getJsonObject("data");
    assertThat(leaf.getLong("datasetCount")).isEqualTo(1);
    assertThat(leaf.getString("rewardTotal")).isEqualTo(tokens(500).toString());
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aRoundsUpdatesMarkCitationsTaintedByARevokedAncestorAndFlagTheirUpdates(Engine engine)
      throws Exception {
    serve(engine);

    JsonArray updates =
        checked(
                "/v1/models/{modelId}/rounds/{round}/updates",
                "/v1/models/" + hex(M1) + "/rounds/1/updates")
            .getJsonArray("data");

    // R is revoked: A (its child), D (three generations below, through the diamond) are tainted;
    // U shares no ancestor with R and stays clean
    assertThat(updates.stream().map(u -> ((JsonObject) u).getString("contributor")).toList())
        .containsExactly(X.hex(), Y.hex(), Z.hex());
    assertThat(citations(updates.getJsonObject(0))).containsExactly(hex(A) + " tainted");
    assertThat(updates.getJsonObject(0).getBoolean("flagged")).isTrue();
    assertThat(citations(updates.getJsonObject(1))).containsExactly(hex(U) + " clean");
    assertThat(updates.getJsonObject(1).getBoolean("flagged")).isFalse();
    assertThat(citations(updates.getJsonObject(2)))
        .containsExactly(hex(D) + " tainted", hex(U) + " clean");
    assertThat(updates.getJsonObject(2).getBoolean("flagged")).isTrue();
    JsonObject citesTheRevoked =
        checked(
                "/v1/models/{modelId}/rounds/{round}/updates",
                "/v1/models/" + hex(M2) + "/rounds/1/updates")
            .getJsonArray("data")
            .getJsonObject(0);
    assertThat(citations(citesTheRevoked)).containsExactly(hex(R) + " revoked");
    // a blast radius' updates carry the same marks
    JsonObject z =
        checked("/v1/datasets/{datasetId}/blast-radius", "/v1/datasets/" + hex(R) + "/blast-radius")
            .getJsonObject("data")
            .getJsonArray("items")
            .getJsonObject(1);
    assertThat(citations(z)).containsExactly(hex(D) + " tainted", hex(U) + " clean");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aDatasetAndItsLineageSayWhichDatasetsARevocationTainted(Engine engine) throws Exception {
    serve(engine);

    // D is three generations below the revoked R; its parent C two
    JsonObject d =
        checked("/v1/datasets/{datasetId}/lineage", "/v1/datasets/" + hex(D) + "/lineage")
            .getJsonObject("data");
    assertThat(d.getBoolean("tainted")).isTrue();
    assertThat(d.getJsonArray("parents").getJsonObject(0).getString("datasetId")).isEqualTo(hex(C));
    assertThat(d.getJsonArray("parents").getJsonObject(0).getBoolean("revoked")).isFalse();
    assertThat(d.getJsonArray("parents").getJsonObject(0).getBoolean("tainted")).isTrue();
    JsonObject r =
        checked("/v1/datasets/{datasetId}/lineage", "/v1/datasets/" + hex(R) + "/lineage")
            .getJsonObject("data");
    assertThat(r.getBoolean("tainted")).as("a revoked dataset is tainted").isTrue();
    assertThat(r.getJsonArray("children").stream().map(c -> ((JsonObject) c).getBoolean("tainted")))
        .containsExactly(true, true);
    JsonObject u =
        checked("/v1/datasets/{datasetId}/lineage", "/v1/datasets/" + hex(U) + "/lineage")
            .getJsonObject("data");
    assertThat(u.getBoolean("tainted")).isFalse();
    assertThat(
            checked("/v1/datasets/{datasetId}", "/v1/datasets/" + hex(C))
                .getJsonObject("data")
                .getBoolean("tainted"))
        .isTrue();
    assertThat(
            checked("/v1/datasets/{datasetId}", "/v1/datasets/" + hex(U))
                .getJsonObject("data")
                .getBoolean("tainted"))
        .isFalse();
  }

  /** An update's citations as "id revoked|tainted|clean", in citation order. */
  private static List<String> citations(JsonObject update) {
    return update.getJsonArray("citations").stream()
        .map(c -> (JsonObject) c)
        .map(
            c ->
                c.getString("datasetId")
                    + (c.getBoolean("revoked")
                        ? " revoked"
                        : c.getBoolean("tainted") ? " tainted" : " clean"))
        .toList();
  }

  @Test
  void aBlastRadiusPagesItsUpdatesOrItsDatasets() throws Exception {
    serve(Engine.SQLITE);
    String path = "/v1/datasets/" + hex(R) + "/blast-radius";

    JsonObject first = checked("/v1/datasets/{datasetId}/blast-radius", path + "?limit=3");
    JsonObject rest = api.json(path + "?limit=3&cursor=" + first.getString("nextCursor"));
    JsonObject datasets =
        checked("/v1/datasets/{datasetId}/blast-radius", path + "?list=datasets&limit=500");

    assertThat(first.getJsonObject("data").getJsonArray("items").size()).isEqualTo(3);
    assertThat(rest.getJsonObject("data").getJsonArray("items").size()).isEqualTo(1);
    assertThat(rest.getValue("nextCursor")).isNull();
    assertThat(rest.getJsonObject("data").getLong("updateCount"))
        .as("totals on every page")
        .isEqualTo(4);
    JsonArray items = datasets.getJsonObject("data").getJsonArray("items");
    assertThat(items.stream().map(d -> ((JsonObject) d).getString("datasetId")).toList())
        .containsExactly(hex(R), hex(A), hex(B), hex(C), hex(D));
    assertThat(items.getJsonObject(0).getBoolean("revoked")).isTrue();
    assertThat(items.getJsonObject(4).getBoolean("revoked")).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aBlastRadiusOfMoreThanTenThousandDescendantsIsCutAndSaysSo(Engine engine) throws Exception {
    // a root with 101 children of 100 children each: 10 201 descendants, the last generation cut
    Database database = stores.open(engine);
    LedgerWriter writer = new LedgerWriter(database);
    writer.seedGenesis(SampleEvents.genesis());
    Bytes32 root = SampleEvents.id("wide root");
    List<DecodedLog> logs = new ArrayList<>();
    logs.add(attest(logs.size(), root, List.of()));
    for (int i = 0; i < 101; i++) {
      Bytes32 child = SampleEvents.id("child " + i);
      logs.add(attest(logs.size(), child, List.of(root)));
      for (int j = 0; j < 100; j++) {
        logs.add(attest(logs.size(), SampleEvents.id("grandchild " + i + "/" + j), List.of(child)));
      }
    }
    writer.commit(
        new Batch(SampleEvents.genesisBlock().cursor(), SampleEvents.block(1), List.of(), logs));
    api = servers.serve(database, new Cursor(1, SampleEvents.blockHash(1)));
    String path = "/v1/datasets/" + root.toHexString() + "/blast-radius";
    api.json(path + "?list=datasets&limit=1"); // warm the caches

    long started = System.nanoTime();
    JsonObject radius = api.json(path + "?list=datasets&limit=500").getJsonObject("data");
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(radius.getLong("datasetCount")).isEqualTo(BlastRadiusReads.MAX_DATASETS);
    assertThat(radius.getBoolean("truncated")).isTrue();
    assertThat(radius.getJsonArray("items").getJsonObject(0).getString("datasetId"))
        .isEqualTo(root.toHexString());
    // breadth first: every child is in the radius before any grandchild is
    JsonObject children = api.json("/v1/datasets/" + root.toHexString() + "/lineage");
    assertThat(children.getJsonObject("data").getJsonArray("children").size()).isEqualTo(101);
    System.out.printf("blast radius of 10 000 datasets on %s: %d ms%n", engine, millis);

    // the cut keeps root and children (102), then the first 9 898 grandchildren in chain order
    List<String> kept = new ArrayList<>();
    String cursor = null;
    do {
      JsonObject page =
          api.json(path + "?list=datasets&limit=500" + (cursor == null ? "" : "&cursor=" + cursor));
      page.getJsonObject("data")
          .getJsonArray("items")
          .forEach(item -> kept.add(((JsonObject) item).getString("datasetId")));
      cursor = page.getString("nextCursor");
    } while (cursor != null);
    assertThat(kept).hasSize(BlastRadiusReads.MAX_DATASETS).doesNotHaveDuplicates();
    assertThat(kept)
        .contains(
            SampleEvents.id("child 100").toHexString(),
            SampleEvents.id("grandchild 98/97").toHexString())
        .doesNotContain(
            SampleEvents.id("grandchild 98/98").toHexString(),
            SampleEvents.id("grandchild 100/0").toHexString());
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aRadiusAskedAgainAfterTheLineageGrewHoldsTheNewDescendants(Engine engine) throws Exception {
    // a radius is read at the snapshot asked: a new attestation must never be served stale
    Database database = stores.open(engine);
    LedgerWriter writer = new LedgerWriter(database);
    writer.seedGenesis(SampleEvents.genesis());
    Bytes32 root = SampleEvents.id("growing root");
    Bytes32 child = SampleEvents.id("growing child");
    writer.commit(
        new Batch(
            SampleEvents.genesisBlock().cursor(),
            SampleEvents.block(1),
            List.of(),
            List.of(attest(0, root, List.of()), attest(1, child, List.of(root)))));
    api = servers.serve(database, new Cursor(1, SampleEvents.blockHash(1)));
    String path = "/v1/datasets/" + root.toHexString() + "/blast-radius?list=datasets";
    assertThat(api.json(path).getJsonObject("data").getLong("datasetCount")).isEqualTo(2);

    Bytes32 grandchild = SampleEvents.id("growing grandchild");
    writer.commit(
        new Batch(
            SampleEvents.block(1).cursor(),
            SampleEvents.block(2),
            List.of(),
            List.of(
                new DecodedLog(
                    new LogPosition(
                        2, 0, SampleEvents.blockHash(2), SampleEvents.id("growing tx"), 0),
                    new DataProvenanceEvent.DatasetAttested(
                        grandchild,
                        SampleEvents.OWNER,
                        grandchild,
                        "s3://wide",
                        "CC0",
                        List.of(child))))));

    JsonObject radius = api.json(path).getJsonObject("data");
    assertThat(radius.getLong("datasetCount")).isEqualTo(3);
    assertThat(
            radius.getJsonArray("items").stream()
                .map(item -> ((JsonObject) item).getString("datasetId"))
                .toList())
        .containsExactly(root.toHexString(), child.toHexString(), grandchild.toHexString());
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void lineageExportsAsAW3cProvJsonDocument(Engine engine) throws Exception {
    serve(engine);

    JsonObject document =
        checked(
            "/v1/datasets/{datasetId}/lineage.prov.json",
            "/v1/datasets/" + hex(C) + "/lineage.prov.json");

    assertThat(document.fieldNames()).containsExactlyInAnyOrder("prefix", "entity", "bundle");
    String bundleId = "export:" + hex(C) + "-at-" + AnalyticsChain.HEAD;
    JsonObject described = document.getJsonObject("entity").getJsonObject(bundleId);
    assertThat(described.getJsonObject("prov:type").getString("$")).isEqualTo("prov:Bundle");
    assertThat(described.getLong("ailedger:blockNumber")).isEqualTo(AnalyticsChain.HEAD);
    assertThat(described.getString("ailedger:blockHash"))
        .isEqualTo(SampleEvents.blockHash(AnalyticsChain.HEAD).toHexString());
    assertThat(document.getJsonObject("prefix").getString("dataset"))
        .isEqualTo("urn:ailedger:1337:dataset:");
    JsonObject bundle = document.getJsonObject("bundle").getJsonObject(bundleId);
    // C's ancestors A, B and R and its descendant D; not the unrelated U
    assertThat(bundle.getJsonObject("entity").fieldNames())
        .containsExactlyInAnyOrder(
            "dataset:" + hex(R),
            "dataset:" + hex(A),
            "dataset:" + hex(B),
            "dataset:" + hex(C),
            "dataset:" + hex(D));
    assertThat(relations(bundle, "wasDerivedFrom", "prov:generatedEntity", "prov:usedEntity"))
        .containsExactlyInAnyOrder(
            hex(A) + "<" + hex(R),
            hex(B) + "<" + hex(R),
            hex(C) + "<" + hex(A),
            hex(C) + "<" + hex(B),
            hex(D) + "<" + hex(C));
    assertThat(relations(bundle, "wasAttributedTo", "prov:entity", "prov:agent"))
        .contains(
            hex(C) + "<" + Y.hex(),
            hex(A) + "<" + X.hex(),
            hex(R) + "<" + AnalyticsChain.OWNER.hex());
    JsonObject invalidation =
        (JsonObject) bundle.getJsonObject("wasInvalidatedBy").iterator().next().getValue();
    assertThat(invalidation.getString("prov:entity")).isEqualTo("dataset:" + hex(R));
    assertThat(invalidation.getString("prov:time")).isEqualTo("2024-01-03T11:00:00Z");
    String activity = invalidation.getString("prov:activity");
    assertThat(
            bundle
                .getJsonObject("activity")
                .getJsonObject(activity)
                .getString("ailedger:reasonHash"))
        .isEqualTo(SampleEvents.id("leaked").toHexString());
    assertThat(relations(bundle, "wasAssociatedWith", "prov:activity", "prov:agent"))
        .containsExactly(activity.substring("tx:".length()) + "<" + AnalyticsChain.AUDITOR.hex());
    assertThat(relations(bundle, "actedOnBehalfOf", "prov:delegate", "prov:responsible"))
        .contains(X.hex() + "<" + hex(MX), Y.hex() + "<" + hex(MY));
    assertThat(
            bundle
                .getJsonObject("agent")
                .getJsonObject("member:" + hex(MX))
                .getJsonObject("prov:type")
                .getString("$"))
        .isEqualTo("prov:Organization");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void proposalsStandInTheGovernorsStateAtTheNextBlockAndFilterByIt(Engine engine)
      throws Exception {
    serve(engine);

    JsonArray proposals = checked("/v1/proposals", "/v1/proposals?limit=500").getJsonArray("data");
    Map<Long, String> states = new LinkedHashMap<>();
    proposals.forEach(
        p -> states.put(((JsonObject) p).getLong("id"), ((JsonObject) p).getString("state")));

    assertThat(states)
        .containsExactly(
            Map.entry(1L, "pending"),
            Map.entry(2L, "active"),
            Map.entry(3L, "defeated"),
            Map.entry(4L, "queued"),
            Map.entry(5L, "succeeded"),
            Map.entry(6L, "expired"),
            Map.entry(7L, "executed"),
            Map.entry(8L, "executed"),
            Map.entry(9L, "canceled"),
            Map.entry(10L, "defeated"));
    JsonObject queued = checked("/v1/proposals/{id}", "/v1/proposals/4").getJsonObject("data");
    assertThat(queued.getLong("stateBlock")).isEqualTo(AnalyticsChain.HEAD + 1);
    assertThat(queued.getLong("blocksLeft")).as("eta 25 - block 21").isEqualTo(4);
    assertThat(queued.getLong("executableAt")).isEqualTo(25);
    JsonObject pending = proposals.getJsonObject(0);
    assertThat(pending.getLong("blocksLeft")).as("voteStart 30 - block 21").isEqualTo(9);
    assertThat(pending.getValue("executableAt")).isNull();
    assertThat(proposals.getJsonObject(1).getLong("blocksLeft"))
        .as("through voteEnd 25")
        .isEqualTo(5);
    assertThat(proposals.getJsonObject(4).getLong("blocksLeft")).as("expires at 100").isEqualTo(79);
    assertThat(proposals.getJsonObject(5).getValue("blocksLeft")).isNull();
    for (String state :
        List.of(
            "pending",
            "active",
            "canceled",
            "defeated",
            "succeeded",
            "queued",
            "expired",
            "executed")) {
      JsonArray filtered =
          checked("/v1/proposals", "/v1/proposals?state=" + state).getJsonArray("data");
      List<Long> expected =
          states.entrySet().stream()
              .filter(e -> e.getValue().equals(state))
              .map(Map.Entry::getKey)
              .toList();
      assertThat(filtered.stream().map(p -> ((JsonObject) p).getLong("id")).toList())
          .as(state)
          .isEqualTo(expected);
    }
    JsonObject firstDefeated = api.json("/v1/proposals?state=defeated&limit=1");
    JsonObject nextDefeated =
        api.json(
            "/v1/proposals?state=defeated&limit=1&cursor=" + firstDefeated.getString("nextCursor"));
    assertThat(nextDefeated.getJsonArray("data").getJsonObject(0).getLong("id")).isEqualTo(10);
    assertThat(nextDefeated.getValue("nextCursor")).isNull();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void membersValidatorsAndPermissionHistoryShowWhoMayDoWhatAndSince(Engine engine)
      throws Exception {
    serve(engine);

    JsonArray members = checked("/v1/members", "/v1/members").getJsonArray("data");
    assertThat(members.stream().map(m -> ((JsonObject) m).getString("memberId")).toList())
        .containsExactly(
            hex(SampleEvents.MEMBER), hex(SampleEvents.id("other member")), hex(MX), hex(MY));
    JsonObject x = members.getJsonObject(2).getJsonArray("accounts").getJsonObject(0);
    assertThat(x.getString("account")).isEqualTo(X.hex());
    assertThat(x.getJsonArray("roles").getList()).containsExactly("CONTRIBUTOR");
    JsonObject my =
        checked("/v1/members/{memberId}", "/v1/members/" + hex(MY)).getJsonObject("data");
    assertThat(my.getBoolean("active")).isTrue();
    assertThat(
            my.getJsonArray("accounts").stream()
                .map(a -> ((JsonObject) a).getString("account"))
                .toList())
        .as("Z left at the head")
        .containsExactly(Y.hex());
    assertThat(
            my.getJsonArray("history").stream()
                .map(
                    h ->
                        ((JsonObject) h).getString("action")
                            + " "
                            + ((JsonObject) h).getString("account"))
                .toList())
        .containsExactly("added " + Y.hex(), "added " + Z.hex(), "removed " + Z.hex());

    JsonArray validators = checked("/v1/validators", "/v1/validators").getJsonArray("data");
    JsonObject old = validators.getJsonObject(0);
    assertThat(old.getString("validator")).isEqualTo(AnalyticsChain.OLD_VALIDATOR.hex());
    assertThat(old.getBoolean("active")).isFalse();
    assertThat(old.getJsonObject("firstAdded").getLong("blockNumber")).isZero();
    assertThat(old.getJsonObject("lastRemoved").getLong("blockNumber")).isEqualTo(17);
    assertThat(old.getLong("changes")).isEqualTo(2);
    JsonObject added = validators.getJsonObject(1);
    assertThat(added.getBoolean("active")).isTrue();
    assertThat(added.getValue("lastRemoved")).isNull();
    assertThat(api.json("/v1/network").getJsonObject("data").getJsonArray("validators").getList())
        .containsExactly(AnalyticsChain.NEW_VALIDATOR.hex());

    JsonArray changes =
        checked("/v1/permissions/history", "/v1/permissions/history?kind=validator")
            .getJsonArray("data");
    assertThat(changes.stream().map(c -> summary((JsonObject) c)).toList())
        .containsExactly(
            "validator added " + AnalyticsChain.OLD_VALIDATOR.hex() + " by null",
            "validator added " + AnalyticsChain.NEW_VALIDATOR.hex() + " by 7",
            "validator removed " + AnalyticsChain.OLD_VALIDATOR.hex() + " by 8");
    assertThat(changes.getJsonObject(1).getJsonObject("at").getString("txHash"))
        .isEqualTo(AnalyticsChain.tx(33).toHexString());
    JsonArray recent =
        checked(
                "/v1/permissions/history",
                "/v1/permissions/history?order=desc&limit=2&fromTime=2024-01-01T00:00:00Z")
            .getJsonArray("data");
    assertThat(recent.stream().map(c -> summary((JsonObject) c)).toList())
        .containsExactly(
            "account removed " + Z.hex() + " by null",
            "validator removed " + AnalyticsChain.OLD_VALIDATOR.hex() + " by 8");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void rewardsOverTimeSumExactlyPerBucketOfBlocksOrDays(Engine engine) throws Exception {
    serve(engine);
    String x = "/v1/contributors/" + X.hex() + "/rewards";
    String m1 = "/v1/models/" + hex(M1) + "/rewards";

    JsonArray days = checked("/v1/contributors/{address}/rewards", x).getJsonArray("data");
    JsonArray blocks =
        checked("/v1/models/{modelId}/rewards", m1 + "?bucket=blocks:5").getJsonArray("data");
    JsonArray newestFirst =
        checked("/v1/models/{modelId}/rewards", m1 + "?bucket=blocks:5&order=desc")
            .getJsonArray("data");
    JsonArray later =
        checked("/v1/models/{modelId}/rewards", m1 + "?bucket=day&fromBlock=5")
            .getJsonArray("data");

    assertThat(days)
        .isEqualTo(
            new JsonArray()
                .add(day("2024-01-02", X_FIRST, 1))
                .add(day("2024-01-03", tokens(50), 1)));
    assertThat(blocks)
        .isEqualTo(
            new JsonArray()
                .add(blocks(0, 4, X_FIRST.add(tokens(500)), 3))
                .add(blocks(5, 9, tokens(50), 1)));
    assertThat(newestFirst.getJsonObject(0).getLong("fromBlock")).isEqualTo(5);
    assertThat(later).isEqualTo(new JsonArray().add(day("2024-01-03", tokens(50), 1)));
    JsonObject page = api.json(m1 + "?bucket=blocks:5&limit=1");
    JsonObject rest =
        api.json(m1 + "?bucket=blocks:5&limit=1&cursor=" + page.getString("nextCursor"));
    assertThat(rest.getJsonArray("data").getJsonObject(0).getLong("fromBlock")).isEqualTo(5);
    assertThat(rest.getValue("nextCursor")).isNull();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void statsCountWhatTheChainHolds(Engine engine) throws Exception {
    serve(engine);

    JsonObject stats = checked("/v1/stats", "/v1/stats").getJsonObject("data");

    JsonObject counts = stats.getJsonObject("counts");
    assertThat(counts.getLong("models")).isEqualTo(2);
    assertThat(counts.getLong("rounds")).isEqualTo(3);
    assertThat(counts.getLong("updates")).isEqualTo(5);
    assertThat(counts.getLong("rewards")).isEqualTo(5);
    assertThat(counts.getLong("datasets")).isEqualTo(6);
    assertThat(counts.getLong("revokedDatasets")).isEqualTo(1);
    assertThat(counts.getLong("proposals")).isEqualTo(10);
    assertThat(counts.getLong("votes")).isEqualTo(8);
    assertThat(counts.getLong("members")).as("genesis two, MX, MY").isEqualTo(4);
    assertThat(counts.getLong("accounts")).as("owner, contributor, X, Y; Z left").isEqualTo(4);
    assertThat(counts.getLong("validators")).isEqualTo(1);
    assertThat(counts.getLong("events")).isEqualTo(AnalyticsChain.batch().events().size());
    assertThat(counts.getLong("blocks")).isEqualTo(AnalyticsChain.HEAD + 1);
    assertThat(stats.getString("rewardsMinted"))
        .isEqualTo(X_FIRST.add(tokens(200 + 300 + 50 + 1000)).toString());
    assertThat(stats.getJsonObject("head").getLong("timestamp"))
        .isEqualTo(AnalyticsChain.time("2024-01-04T09:00:00Z"));
  }

  @Test
  void blockAndTimeRangesCutListsAndOrderReversesThem() throws Exception {
    serve(Engine.SQLITE);

    assertThat(ids(checked("/v1/proposals", "/v1/proposals?fromBlock=9")))
        .as("all proposals were created in block 8")
        .isEmpty();
    assertThat(ids(api.json("/v1/proposals?order=desc&limit=3"))).containsExactly(10L, 9L, 8L);
    JsonObject firstDesc = api.json("/v1/proposals?order=desc&limit=2");
    assertThat(
            ids(
                api.json(
                    "/v1/proposals?order=desc&limit=2&cursor="
                        + firstDesc.getString("nextCursor"))))
        .containsExactly(8L, 7L);
    JsonArray votes =
        checked("/v1/proposals/{id}/votes", "/v1/proposals/3/votes?order=desc")
            .getJsonArray("data");
    assertThat(votes.getJsonObject(0).getString("memberId")).isEqualTo(hex(MX));
    String updates = "/v1/models/" + hex(M1) + "/rounds/1/updates";
    assertThat(
            checked(
                    "/v1/models/{modelId}/rounds/{round}/updates",
                    updates + "?toTime=2024-01-01T09:59:59Z")
                .getJsonArray("data"))
        .isEmpty();
    assertThat(
            api.json(
                    updates
                        + "?fromTime="
                        + AnalyticsChain.time("2024-01-01T10:00:00Z")
                        + "&toBlock=3")
                .getJsonArray("data")
                .size())
        .isEqualTo(3);
    JsonObject history =
        checked(
                "/v1/contributors/{address}",
                "/v1/contributors/" + X.hex() + "?fromBlock=5&toBlock=5")
            .getJsonObject("data");
    assertThat(
            history.getJsonArray("history").stream()
                .map(h -> ((JsonObject) h).getString("kind"))
                .toList())
        .containsExactly("update");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aContributorsHistoryPagesThroughEveryKindInEitherOrder(Engine engine) throws Exception {
    // each kind (updates, rewards, reputation) is cut to a page before they are merged: one row
    // per page must still walk every row of every kind (here updates and rewards interleaved), in
    // chain order or newest first
    serve(engine);
    String path = "/v1/contributors/" + X.hex();
    List<String> all = history(api.json(path + "?limit=500"));
    assertThat(all).hasSizeGreaterThan(3);
    assertThat(all.stream().map(h -> h.split(" ")[0]).distinct().toList())
        .containsExactlyInAnyOrder("update", "reward");

    for (String order : List.of("asc", "desc")) {
      List<String> paged = new ArrayList<>();
      String cursor = null;
      do {
        JsonObject page =
            api.json(
                path + "?limit=1&order=" + order + (cursor == null ? "" : "&cursor=" + cursor));
        paged.addAll(history(page));
        cursor = page.getString("nextCursor");
      } while (cursor != null);
      List<String> expected = new ArrayList<>(all);
      if (order.equals("desc")) {
        java.util.Collections.reverse(expected);
      }
      assertThat(paged).as(order).isEqualTo(expected);
    }
  }

  /** A contributor page's history items as "kind block:log". */
  private static List<String> history(JsonObject page) {
    return page.getJsonObject("data").getJsonArray("history").stream()
        .map(
            h -> {
              JsonObject item = (JsonObject) h;
              JsonObject at = item.getJsonObject("at");
              return item.getString("kind")
                  + " "
                  + at.getLong("blockNumber")
                  + ":"
                  + at.getLong("logIndex");
            })
        .toList();
  }

  @Test
  void badAnalystParametersAreProblems() throws Exception {
    serve(Engine.SQLITE);
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("/v1/proposals?state=won", "state must be one of");
    bad.put("/v1/proposals?order=up", "order must be asc or desc");
    bad.put("/v1/proposals?fromBlock=5&toBlock=4", "fromBlock is after toBlock");
    bad.put("/v1/proposals?fromTime=yesterday", "fromTime must be unix seconds");
    bad.put(
        "/v1/proposals?fromTime=2024-01-02T00:00:00Z&toTime=2024-01-01T00:00:00Z",
        "fromTime is after toTime");
    bad.put("/v1/models/" + hex(M1) + "/rewards?bucket=blocks:0", "bucket must be day or blocks:N");
    bad.put("/v1/models/" + hex(M1) + "/rewards?bucket=week", "bucket must be");
    bad.put("/v1/permissions/history?kind=account,owner", "kind must be");
    bad.put(
        "/v1/datasets/" + hex(R) + "/blast-radius?list=rounds", "list must be updates or datasets");
    bad.put(
        "/v1/datasets/" + hex(R) + "/blast-radius?order=desc",
        "unknown query parameter(s) [order]");
    bad.put("/v1/stats?limit=3", "unknown query parameter(s) [limit]");
    for (Map.Entry<String, String> request : bad.entrySet()) {
      HttpResponse<String> answer = api.get(request.getKey());
      assertThat(answer.statusCode()).as(request.getKey()).isEqualTo(400);
      assertThat(new JsonObject(answer.body()).getString("detail"))
          .as(request.getKey())
          .contains(request.getValue());
    }
    String nowhere = SampleEvents.id("nowhere").toHexString();
    for (String path :
        List.of(
            "/v1/datasets/" + nowhere + "/blast-radius",
            "/v1/datasets/" + nowhere + "/lineage.prov.json",
            "/v1/members/" + nowhere,
            "/v1/models/" + nowhere + "/rewards",
            "/v1/contributors/" + SampleEvents.address(99).hex() + "/rewards")) {
      HttpResponse<String> answer = api.get(path);
      assertThat(answer.statusCode()).as(path).isEqualTo(404);
      assertThat(answer.headers().firstValue("content-type")).contains(Problem.MEDIA_TYPE);
    }
  }

  @Test
  void bothEnginesGiveTheSameAnalystAnswers() throws Exception {
    List<String> paths =
        List.of(
            "/v1/datasets/" + hex(R) + "/blast-radius",
            "/v1/datasets/" + hex(R) + "/blast-radius?list=datasets",
            "/v1/datasets/" + hex(C) + "/lineage.prov.json",
            "/v1/members",
            "/v1/members/" + hex(MY),
            "/v1/validators",
            "/v1/permissions/history?order=desc",
            "/v1/contributors/" + Y.hex() + "/rewards?bucket=blocks:2",
            "/v1/models/" + hex(M2) + "/rewards",
            "/v1/stats",
            "/v1/network",
            "/v1/proposals?state=defeated",
            "/v1/proposals?limit=500&fromTime=2024-01-03T00:00:00Z");
    ApiServers.assertEnginesAgree(paths, engine -> servers.analyticsChain(stores, engine));
  }

  private void serve(Engine engine) throws Exception {
    api = servers.analyticsChain(stores, engine);
    contract = new OpenApiContract(api.get("/openapi.json").body());
  }

  /** The 200 answer of {@code path}, checked against the schema documented for {@code template}. */
  private JsonObject checked(String template, String path) throws Exception {
    HttpResponse<String> answer = api.get(path);
    assertThat(answer.statusCode()).as(path + " " + answer.body()).isEqualTo(200);
    contract.assertConforms(template, 200, "application/json", answer.body());
    return new JsonObject(answer.body());
  }

  private static DecodedLog attest(int n, Bytes32 id, List<Bytes32> parents) {
    return new DecodedLog(
        new LogPosition(1, n, SampleEvents.blockHash(1), SampleEvents.id("wide tx " + n), n),
        new DataProvenanceEvent.DatasetAttested(
            id, SampleEvents.OWNER, id, "s3://wide", "CC0", parents));
  }

  private static String hex(Bytes32 id) {
    return id.toHexString();
  }

  private static List<Long> ids(JsonObject list) {
    return list.getJsonArray("data").stream().map(p -> ((JsonObject) p).getLong("id")).toList();
  }

  private static String contributorRound(JsonObject update) {
    return update.getString("contributor") + "@" + update.getLong("round");
  }

  private static String summary(JsonObject change) {
    return change.getString("kind")
        + " "
        + change.getString("action")
        + " "
        + change.getString("address")
        + " by "
        + change.getValue("proposalId");
  }

  /** "generated<used" (or "entity<agent", …) for each relation of a kind, prefixes dropped. */
  private static List<String> relations(JsonObject bundle, String kind, String from, String to) {
    Function<String, String> local = q -> q.substring(q.indexOf(':') + 1);
    List<String> relations = new ArrayList<>();
    bundle
        .getJsonObject(kind)
        .forEach(
            r -> {
              JsonObject relation = (JsonObject) r.getValue();
              relations.add(
                  local.apply(relation.getString(from))
                      + "<"
                      + local.apply(relation.getString(to)));
            });
    return relations;
  }

  private static JsonObject model(JsonObject radius, Bytes32 model) {
    return radius.getJsonArray("models").stream()
        .map(JsonObject.class::cast)
        .filter(m -> m.getString("modelId").equals(hex(model)))
        .findFirst()
        .orElseThrow();
  }

  private static JsonObject round(Bytes32 model, long round, long updates, BigInteger total) {
    return new JsonObject()
        .put("modelId", hex(model))
        .put("round", round)
        .put("updateCount", updates)
        .put("rewardCount", updates)
        .put("rewardTotal", total.toString());
  }

  /** The rounds as the answer lists them: by model id, then round. */
  private static JsonArray sortedByModel(JsonObject... rounds) {
    return new JsonArray(
        java.util.Arrays.stream(rounds)
            .sorted(
                java.util.Comparator.comparing((JsonObject r) -> r.getString("modelId"))
                    .thenComparing(r -> r.getLong("round")))
            .map(Object.class::cast)
            .toList());
  }

  private static JsonObject day(String day, BigInteger total, long count) {
    long from = java.time.LocalDate.parse(day).toEpochDay() * 86_400;
    return new JsonObject()
        .put("day", day)
        .put("fromTime", from)
        .put("toTime", from + 86_399)
        .put("rewardTotal", total.toString())
        .put("rewardCount", count);
  }

  private static JsonObject blocks(long from, long to, BigInteger total, long count) {
    return new JsonObject()
        .put("fromBlock", from)
        .put("toBlock", to)
        .put("rewardTotal", total.toString())
        .put("rewardCount", count);
  }
}

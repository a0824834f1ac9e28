package org.ailedger.indexer.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ailedger.indexer.store.Cursor;
import org.ailedger.indexer.store.Database;
import org.ailedger.indexer.store.Engine;
import org.ailedger.indexer.store.LedgerWriter;
import org.ailedger.indexer.store.SampleEvents;
import org.ailedger.indexer.store.TestStores;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The REST servers a test starts, each closed after the test; register with
 * {@code @RegisterExtension}.
 */
final class ApiServers implements AfterEachCallback {
  /** Starts a server over a store and a stored head. */
  @FunctionalInterface
  interface Serving {
    ApiServer serve(Engine engine) throws Exception;
  }

  private final List<ApiServer> started = new ArrayList<>();

  /** Serves {@code database} as indexed up to {@code head}, with no answer cache. */
  ApiServer serve(Database database, Cursor head) throws Exception {
    return serve(database, head, new AnswerCache());
  }

  ApiServer serve(Database database, Cursor head, AnswerCache answers) throws Exception {
    ApiServer server = new ApiServer(database, head, answers);
    started.add(server);
    return server;
  }

  /** {@link AnalyticsChain}'s story written into a new store of {@code engine}, and served. */
  ApiServer analyticsChain(TestStores stores, Engine engine) throws Exception {
    Database database = stores.open(engine);
    LedgerWriter writer = new LedgerWriter(database);
    writer.seedGenesis(SampleEvents.genesis());
    writer.commit(AnalyticsChain.batch());
    return serve(
        database, new Cursor(AnalyticsChain.HEAD, SampleEvents.blockHash(AnalyticsChain.HEAD)));
  }

  /**
   * Every path answers the same JSON on SQLite and on PostgreSQL, each served by {@code serving}.
   */
  static void assertEnginesAgree(List<String> paths, Serving serving) throws Exception {
    ApiServer sqlite = serving.serve(Engine.SQLITE);
    Map<String, JsonObject> expected = new LinkedHashMap<>();
    for (String path : paths) {
      expected.put(path, sqlite.json(path));
    }
    ApiServer postgresql = serving.serve(Engine.POSTGRESQL);
    for (String path : paths) {
      assertThat(postgresql.json(path)).as(path).isEqualTo(expected.get(path));
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    for (ApiServer server : started) {
      server.close();
    }
    started.clear();
  }
}

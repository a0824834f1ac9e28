package org.ailedger.indexer.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * Migration 3 on a store written before it: the store held no transaction indexes, which only the
 * node can tell, so it is emptied and read again from the genesis state rather than served with
 * transactions that miss their events.
 */
class TransactionIndexMigrationTest {
  @Test
  void aStoreFromBeforeTransactionIndexesIsEmptiedAndSeededAgain(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve(StoreLocation.SQLITE_FILE);
    SQLiteDataSource plain = new SQLiteDataSource();
    plain.setUrl("jdbc:sqlite:" + file);
    Flyway.configure(getClass().getClassLoader())
        .dataSource(plain)
        .locations("classpath:db/migration")
        .placeholders(Map.of("uint", Engine.SQLITE.uintType()))
        .target("2.1")
        .load()
        .migrate();
    String hash = SampleEvents.genesisBlock().hash().toHexString();
    try (Connection connection = plain.getConnection();
        Statement sql = connection.createStatement()) {
      sql.execute("INSERT INTO chain VALUES (1, 1337, '" + hash + "')");
      sql.execute("INSERT INTO cursor VALUES (1, 0, '" + hash + "')");
      sql.execute("INSERT INTO blocks VALUES (0, '" + hash + "', '" + hash + "', 0)");
      sql.execute(
          "INSERT INTO models VALUES (3, 0, '"
              + hash
              + "', '"
              + hash
              + "', '0x01', '0x02', 'ipfs://m')");
    }

    try (Database database = Database.open(StoreConfig.of(new StoreLocation.SqliteFile(file)))) {
      LedgerWriter writer = new LedgerWriter(database);
      LedgerQueries queries = new LedgerQueries(database);
      assertThat(writer.cursor()).as("read again from genesis").isEmpty();
      assertThat(writer.chain()).isEmpty();
      assertThat(queries.rowCount("models")).isZero();
      assertThat(queries.rowCount("blocks")).isZero();

      writer.seedGenesis(SampleEvents.genesis());
      writer.commit(SampleEvents.everyEventBatch());
      assertThat(queries.rowCount("events")).isEqualTo(queries.rowCount("outbox")).isEqualTo(31);
    }
  }
}

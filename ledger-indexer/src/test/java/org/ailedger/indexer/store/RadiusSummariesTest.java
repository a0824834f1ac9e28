package org.ailedger.indexer.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * The blast-radius summaries the writer keeps per ancestor (sizes, hits, round totals), kept in
 * step by every event that changes a radius's answer, on both engines; and filled by migration 3.4
 * for a store written before them. Every test also checks the round totals against a recount from
 * the rows.
 */
class RadiusSummariesTest {
  /** Above 2^64, so that the slices of a total carry into each other. */
  private static final BigInteger BIG = new BigInteger("123456789012345678901234567890");

  @RegisterExtension final TestStores stores = new TestStores();

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aNewDatasetGrowsTheRadiusOfEachOfItsAncestorsAndCountsNoUpdate(Engine engine)
      throws Exception {
    ContributionChain chain = new ContributionChain(stores.open(engine));
    chain.attest("root").attest("child", "root").submit(1, 1, "child").commit();

    // a new descendant under an ancestor whose radius already holds a citation
    chain.block().attest("grandchild", "child").block().attest("other", "root").commit();

    assertThat(chain.sizes())
        .containsExactlyInAnyOrder("root=4", "child=2", "grandchild=1", "other=1");
    assertThat(chain.hits())
        .containsExactlyInAnyOrder(
            "root: 1/1 cited 1 nearest child", "child: 1/1 cited 1 nearest child");
    assertThat(chain.rounds())
        .containsExactlyInAnyOrder(
            "root: round 1 updates 1 rewards 0 total 0",
            "child: round 1 updates 1 rewards 0 total 0")
        .containsExactlyInAnyOrderElementsOf(chain.roundsCountedFromTheRows());
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anUpdateCitingTwoDatasetsOfOneRadiusCountsOnceThere(Engine engine) throws Exception {
    ContributionChain chain = new ContributionChain(stores.open(engine));
    // a diamond: join descends from root through left and through right
    chain.attest("root").attest("left", "root").attest("right", "root").commit();
    chain.attest("join", "left", "right").commit();

    chain.submit(1, 1, "right", "left").submit(2, 1, "join").commit();

    assertThat(chain.hits())
        .containsExactlyInAnyOrder(
            "root: 1/1 cited 2 nearest left",
            "left: 1/1 cited 1 nearest left",
            "right: 1/1 cited 1 nearest right",
            "root: 2/1 cited 1 nearest join",
            "left: 2/1 cited 1 nearest join",
            "right: 2/1 cited 1 nearest join",
            "join: 2/1 cited 1 nearest join");
    assertThat(chain.rounds())
        .containsExactlyInAnyOrder(
            "root: round 1 updates 2 rewards 0 total 0",
            "left: round 1 updates 2 rewards 0 total 0",
            "right: round 1 updates 2 rewards 0 total 0",
            "join: round 1 updates 1 rewards 0 total 0")
        .containsExactlyInAnyOrderElementsOf(chain.roundsCountedFromTheRows());
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aRewardPaidLaterAddsToTheRoundOfEveryRadiusItsUpdateIsIn(Engine engine) throws Exception {
    ContributionChain chain = new ContributionChain(stores.open(engine));
    chain.attest("root").attest("child", "root").attest("lone").commit();
    chain.submit(1, 1, "child").submit(2, 1, "child").submit(3, 1, "lone").commit();

    chain.reward(1, 1, BIG).reward(2, 1, BIG.add(BigInteger.TWO)).reward(3, 1, BigInteger.ONE);
    chain.commit();

    String total = BIG.multiply(BigInteger.TWO).add(BigInteger.TWO).toString();
    assertThat(chain.rounds())
        .containsExactlyInAnyOrder(
            "root: round 1 updates 2 rewards 2 total " + total,
            "child: round 1 updates 2 rewards 2 total " + total,
            "lone: round 1 updates 1 rewards 1 total 1")
        .containsExactlyInAnyOrderElementsOf(chain.roundsCountedFromTheRows());
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aRewardInTheBatchOfItsCitationCountsOnce(Engine engine) throws Exception {
    ContributionChain chain = new ContributionChain(stores.open(engine));
    chain.attest("root").attest("child", "root").commit();

    // the citation and its reward in one block, then in two blocks of one batch
    chain.submit(1, 1, "child").reward(1, 1, BIG).commit();
    chain.block().submit(2, 2, "root").block().reward(2, 2, BigInteger.TEN).commit();

    assertThat(chain.rounds())
        .containsExactlyInAnyOrder(
            "root: round 1 updates 1 rewards 1 total " + BIG,
            "child: round 1 updates 1 rewards 1 total " + BIG,
            "root: round 2 updates 1 rewards 1 total 10")
        .containsExactlyInAnyOrderElementsOf(chain.roundsCountedFromTheRows());
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aRevocationLeavesEveryTotalAsItWas(Engine engine) throws Exception {
    ContributionChain chain = new ContributionChain(stores.open(engine));
    chain.attest("root").attest("child", "root").submit(1, 1, "child").reward(1, 1, BIG).commit();
    List<String> sizes = chain.sizes();
    List<String> hits = chain.hits();
    List<String> rounds = chain.rounds();

    // a radius lists revocation and taint per item at request time; its totals do not change
    chain.revoke("child").revoke("root").commit();

    assertThat(chain.sizes()).containsExactlyInAnyOrderElementsOf(sizes);
    assertThat(chain.hits()).containsExactlyInAnyOrderElementsOf(hits);
    assertThat(chain.rounds()).containsExactlyInAnyOrderElementsOf(rounds);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theMigrationFillsTheSummariesOfAStoreWrittenBeforeThem(Engine engine) throws Exception {
    ContributionChain written = new ContributionChain(stores.open(engine));
    written.attest("root").attest("left", "root").attest("right", "root").commit();
    written.attest("join", "left", "right").submit(1, 1, "left", "right").commit();
    written.submit(2, 1, "join").reward(1, 1, BIG).commit();
    written.reward(2, 1, BigInteger.TEN).attest("late", "join").commit();

    StoreLocation old = stores.location(engine);
    DataSource plain = plainDataSource(old);
    Flyway.configure(getClass().getClassLoader())
        .dataSource(plain)
        .locations("classpath:db/migration")
        .placeholders(Map.of("uint", engine.uintType()))
        .target("3.3")
        .load()
        .migrate();
    try (Connection connection = plain.getConnection()) {
      for (String table :
          List.of(
              "datasets", "lineage", "lineage_closure", "updates", "update_datasets", "rewards")) {
        copy(written.queries, connection, table);
      }
    }

    ContributionChain upgraded = ContributionChain.reading(stores.open(old), written);

    assertThat(upgraded.sizes()).hasSize(5).containsExactlyInAnyOrderElementsOf(written.sizes());
    assertThat(upgraded.hits()).hasSize(7).containsExactlyInAnyOrderElementsOf(written.hits());
    assertThat(upgraded.rounds())
        .hasSize(4)
        .containsExactlyInAnyOrderElementsOf(written.rounds())
        .containsExactlyInAnyOrderElementsOf(upgraded.roundsCountedFromTheRows());
  }

  private static DataSource plainDataSource(StoreLocation location) {
    return switch (location) {
      case StoreLocation.SqliteFile sqlite -> {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + sqlite.file());
        yield dataSource;
      }
      case StoreLocation.Postgres postgres -> {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(postgres.jdbcUrl());
        if (postgres.user() != null) {
          dataSource.setUser(postgres.user());
        }
        if (postgres.password() != null) {
          dataSource.setPassword(postgres.password());
        }
        yield dataSource;
      }
    };
  }

  /** Copies every row of {@code table} (all its columns, in order) into {@code target}. */
  private static void copy(LedgerQueries from, Connection target, String table)
      throws SQLException {
    List<Object[]> rows =
        from.read(
            connection -> {
              List<Object[]> read = new ArrayList<>();
              try (PreparedStatement query = connection.prepareStatement("SELECT * FROM " + table);
                  ResultSet row = query.executeQuery()) {
                int columns = row.getMetaData().getColumnCount();
                while (row.next()) {
                  Object[] values = new Object[columns];
                  for (int i = 0; i < columns; i++) {
                    values[i] = row.getObject(i + 1);
                  }
                  read.add(values);
                }
              }
              return read;
            });
    for (Object[] values : rows) {
      try (PreparedStatement insert =
          target.prepareStatement(
              "INSERT INTO "
                  + table
                  + " VALUES ("
                  + String.join(", ", Collections.nCopies(values.length, "?"))
                  + ")")) {
        for (int i = 0; i < values.length; i++) {
          insert.setObject(i + 1, values[i]);
        }
        insert.executeUpdate();
      }
    }
  }
}

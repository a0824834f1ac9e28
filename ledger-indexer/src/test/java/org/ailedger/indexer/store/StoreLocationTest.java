package org.ailedger.indexer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StoreLocationTest {
  private static final Path DATA = Path.of("/var/lib/indexer");

  @Test
  void noOptionMeansTheSqliteFileInTheDataDirectory() {
    assertThat(StoreLocation.parse(null, DATA))
        .isEqualTo(new StoreLocation.SqliteFile(DATA.resolve("indexer.db")));
    assertThat(StoreLocation.parse("sqlite", DATA))
        .isEqualTo(new StoreLocation.SqliteFile(DATA.resolve("indexer.db")));
    assertThat(StoreLocation.parse("sqlite:/srv/ledger.db", DATA))
        .isEqualTo(new StoreLocation.SqliteFile(Path.of("/srv/ledger.db")));
  }

  @Test
  void aPostgresqlUrlBecomesAJdbcUrlWithItsCredentialsApart() {
    StoreLocation location =
        StoreLocation.parse("postgresql://analyst:s%40cret@db.example:5433/ledger?ssl=true", DATA);

    assertThat(location)
        .isEqualTo(
            new StoreLocation.Postgres(
                "jdbc:postgresql://db.example:5433/ledger?ssl=true", "analyst", "s@cret"));
    assertThat(location.engine()).isEqualTo(Engine.POSTGRESQL);
    assertThat(location.describe()).doesNotContain("s@cret");
    assertThat(location.toString()).doesNotContain("s@cret");
  }

  @Test
  void anUnknownOrIncompleteLocationIsRefusedWithTheAcceptedForms() {
    assertThatThrownBy(() -> StoreLocation.parse("mysql://x/y", DATA))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("postgresql://");
    assertThatThrownBy(() -> StoreLocation.parse("postgresql://host", DATA))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("database");
  }
}

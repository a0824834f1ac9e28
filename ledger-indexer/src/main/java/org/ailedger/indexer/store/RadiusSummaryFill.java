package org.ailedger.indexer.store;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 3.4: fills the blast-radius summaries (V3_3's tables) for a store written before them,
 * by the same statements the writer runs per batch, over every block at once. In Java because the
 * statements are the writer's own: one definition of what the summaries hold.
 */
final class RadiusSummaryFill implements JavaMigration {
  private final Engine engine;

  RadiusSummaryFill(Engine engine) {
    this.engine = engine;
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("3.4");
  }

  @Override
  public String getDescription() {
    return "radius summary fill";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    try (Statements sql = new Statements(context.getConnection(), engine)) {
      RadiusSummaries.settle(sql, 0, Long.MAX_VALUE);
      sql.flush();
    }
  }
}

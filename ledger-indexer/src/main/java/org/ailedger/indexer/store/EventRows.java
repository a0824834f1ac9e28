package org.ailedger.indexer.store;

import java.sql.SQLException;
import org.ailedger.indexer.event.DataProvenanceEvent;
import org.ailedger.indexer.event.DecodedLog;
import org.ailedger.indexer.event.EventJson;
import org.ailedger.indexer.event.GovernorEvent;
import org.ailedger.indexer.event.LogPosition;
import org.ailedger.indexer.event.ModelRegistryEvent;
import org.ailedger.indexer.event.PermissionsEvent;
import org.ailedger.indexer.event.TokenEvent;

/**
 * Writes a decoded log to its contract's tables, to the events of its transaction and to the event
 * stream's outbox.
 */
final class EventRows {
  private final PermissionRows permissions = new PermissionRows();
  private final ModelRows models = new ModelRows();
  private final DatasetRows datasets = new DatasetRows();
  private final TokenRows token = new TokenRows();
  private final GovernorRows governor = new GovernorRows();

  void write(Statements sql, DecodedLog log) throws SQLException {
    LogPosition at = log.position();
    switch (log.event()) {
      case PermissionsEvent e -> permissions.write(sql, at, e);
      case ModelRegistryEvent e -> models.write(sql, at, e);
      case DataProvenanceEvent e -> datasets.write(sql, at, e);
      case TokenEvent e -> token.write(sql, at, e);
      case GovernorEvent e -> governor.write(sql, at, e);
    }
    String contract = log.event().contract().name();
    String name = log.event().eventName();
    String payload = EventJson.of(log.event()).encode();
    sql.insert(
        at, "events", "tx_index, contract, event, payload", at.txIndex(), contract, name, payload);
    sql.insert(at, "outbox", "contract, event, payload", contract, name, payload);
  }
}

package org.ailedger.indexer.store;

import java.sql.SQLException;
import org.ailedger.indexer.event.LogPosition;
import org.ailedger.indexer.event.TokenEvent;

/** ContributionToken events as transfers (mints come from address 0) and approvals. */
final class TokenRows {
  void write(Statements sql, LogPosition at, TokenEvent event) throws SQLException {
    switch (event) {
      case TokenEvent.Transfer e ->
          sql.insert(
              at,
              "token_transfers",
              "from_address, to_address, amount",
              e.from(),
              e.to(),
              e.value());
      case TokenEvent.Approval e ->
          sql.insert(
              at, "token_approvals", "owner, spender, amount", e.owner(), e.spender(), e.value());
    }
  }
}

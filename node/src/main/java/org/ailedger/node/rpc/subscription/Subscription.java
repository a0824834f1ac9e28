package org.ailedger.node.rpc.subscription;

import org.ailedger.node.rpc.filter.LogCriteria;

/** A live eth_subscribe subscription of one WebSocket connection. */
public sealed interface Subscription {
  String id();

  /** Every new head, as a header object. */
  record NewHeads(String id) implements Subscription {
    public NewHeads {
      if (id == null) {
        throw new IllegalArgumentException("id is required");
      }
    }
  }

  /** Every log of new blocks that matches, one notification per log. */
  record Logs(String id, LogCriteria criteria) implements Subscription {
    public Logs {
      if (id == null || criteria == null) {
        throw new IllegalArgumentException("id and criteria are required");
      }
    }
  }
}

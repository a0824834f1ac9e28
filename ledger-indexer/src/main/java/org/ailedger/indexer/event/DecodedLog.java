package org.ailedger.indexer.event;

/** A log of one of the native contracts, decoded into its typed event. */
public record DecodedLog(LogPosition position, LedgerEvent event) {
  public DecodedLog {
    if (position == null || event == null) {
      throw new IllegalArgumentException("a decoded log has a position and an event");
    }
  }
}

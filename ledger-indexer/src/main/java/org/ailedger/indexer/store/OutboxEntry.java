package org.ailedger.indexer.store;

import org.apache.tuweni.bytes.Bytes32;

/**
 * One event as the event stream will send it: its id is {@code block:logIndex}.
 *
 * @param payload the event's parameters as JSON text
 */
public record OutboxEntry(
    long blockNumber, int logIndex, Bytes32 txHash, String contract, String event, String payload) {
  public String eventId() {
    return blockNumber + ":" + logIndex;
  }
}

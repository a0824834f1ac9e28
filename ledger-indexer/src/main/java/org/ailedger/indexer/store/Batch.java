package org.ailedger.indexer.store;

import java.util.List;
import org.ailedger.indexer.event.DecodedLog;

/**
 * The events of a block range, committed in one transaction with the cursor that moves past them.
 *
 * @param after the cursor the range starts after; the commit fails unless it is the stored one
 * @param last the last block of the range, the new cursor
 * @param blocks the blocks to keep: those with events, and {@code last}
 * @param events the range's decoded events in chain order
 */
public record Batch(Cursor after, Block last, List<Block> blocks, List<DecodedLog> events) {
  public Batch {
    if (after == null || last == null) {
      throw new IllegalArgumentException("a batch names the cursor it follows and its last block");
    }
    if (last.number() <= after.blockNumber()) {
      throw new IllegalArgumentException(
          "batch ends at " + last.number() + ", not after the cursor " + after.blockNumber());
    }
    blocks = List.copyOf(blocks);
    events = List.copyOf(events);
    for (DecodedLog log : events) {
      long number = log.position().blockNumber();
      if (number <= after.blockNumber() || number > last.number()) {
        throw new IllegalArgumentException(
            "event " + log.position().eventId() + " lies outside the batch's range");
      }
    }
  }

  public Cursor cursor() {
    return last.cursor();
  }
}

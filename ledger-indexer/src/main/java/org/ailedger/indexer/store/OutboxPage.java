package org.ailedger.indexer.store;

import java.util.List;
import java.util.Optional;

/**
 * One read of the outbox after an event id.
 *
 * @param entries the matching entries in chain order, at most the limit asked for
 * @param complete whether fewer than the limit matched: no further matching entry existed then
 * @param newest the newest entry of the whole outbox, read before {@code entries}; once a complete
 *     page is sent a reader has seen every match up to it
 * @param retainedFromBlock the oldest block whose entries are all still kept, read after {@code
 *     entries}; entries of earlier blocks may have been pruned
 */
public record OutboxPage(
    List<OutboxEntry> entries, boolean complete, Optional<EventId> newest, long retainedFromBlock) {
  public OutboxPage {
    entries = List.copyOf(entries);
  }

  /** Whether entries right after {@code after} may already have been pruned. */
  public static boolean missesEventsAfter(EventId after, long retainedFromBlock) {
    return after.blockNumber() < retainedFromBlock;
  }
}

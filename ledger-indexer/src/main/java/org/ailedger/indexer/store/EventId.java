package org.ailedger.indexer.store;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An event's place in chain order, {@code block:logIndex} as the event stream writes it: the id a
 * client hands back in {@code Last-Event-ID} to resume after it.
 */
public record EventId(long blockNumber, int logIndex) implements Comparable<EventId> {
  /** Before every event: block 0 holds the genesis state, which emits none. */
  public static final EventId ORIGIN = new EventId(0, 0);

  private static final Pattern TEXT = Pattern.compile("([0-9]{1,18}):([0-9]{1,9})");

  public EventId {
    if (blockNumber < 0 || logIndex < 0) {
      throw new IllegalArgumentException("negative event id " + blockNumber + ":" + logIndex);
    }
  }

  /** The id written as {@code block:logIndex}, or empty if it is not one. */
  public static Optional<EventId> parse(String text) {
    Matcher match = TEXT.matcher(text);
    if (!match.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new EventId(Long.parseLong(match.group(1)), Integer.parseInt(match.group(2))));
  }

  public static EventId of(OutboxEntry entry) {
    return new EventId(entry.blockNumber(), entry.logIndex());
  }

  @Override
  public int compareTo(EventId other) {
    int byBlock = Long.compare(blockNumber, other.blockNumber);
    return byBlock != 0 ? byBlock : Integer.compare(logIndex, other.logIndex);
  }

  public boolean isAfter(EventId other) {
    return compareTo(other) > 0;
  }

  @Override
  public String toString() {
    return blockNumber + ":" + logIndex;
  }
}

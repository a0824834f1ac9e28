package org.ailedger.indexer.store;

import java.util.Set;
import org.ailedger.indexer.event.NativeContract;

/**
 * Which outbox entries a stream wants: those of any of {@code contracts} and named any of {@code
 * events}; an empty set does not restrict.
 *
 * @param events event names as in the ABI, e.g. {@code UpdateSubmitted}
 */
public record OutboxFilter(Set<NativeContract> contracts, Set<String> events) {
  public static final OutboxFilter ALL = new OutboxFilter(Set.of(), Set.of());

  public OutboxFilter {
    contracts = Set.copyOf(contracts);
    events = Set.copyOf(events);
  }

  public boolean matches(OutboxEntry entry) {
    return (contracts.isEmpty()
            || contracts.stream().anyMatch(c -> c.name().equals(entry.contract())))
        && (events.isEmpty() || events.contains(entry.event()));
  }
}

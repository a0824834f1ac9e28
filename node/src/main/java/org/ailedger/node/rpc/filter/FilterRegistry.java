package org.ailedger.node.rpc.filter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.ailedger.node.rpc.RandomIds;
import org.ailedger.node.rpc.RpcError;
import org.ailedger.node.rpc.RpcException;

/**
 * Filters installed by eth_newFilter/eth_newBlockFilter and polled by eth_getFilterChanges. The
 * count is bounded and a filter not touched for the idle timeout is dropped, because clients
 * routinely forget to uninstall. Each filter remembers the next block it has not reported, so
 * changes are computed from the chain on demand and nothing is buffered per filter.
 */
public final class FilterRegistry {
  /** What a filter reports. */
  public sealed interface InstalledFilter permits LogFilter, BlockFilter {}

  /**
   * A log filter; {@code lowerBound}/{@code upperBound} are its explicit fromBlock/toBlock numbers
   * (0 and {@link Long#MAX_VALUE} when given as tags).
   */
  public record LogFilter(FilterSpec spec, long lowerBound, long upperBound)
      implements InstalledFilter {}

  public record BlockFilter() implements InstalledFilter {}

  /** Blocks {@code fromBlock..toBlock} are new to this poll; empty when toBlock < fromBlock. */
  public record Poll(InstalledFilter filter, long fromBlock, long toBlock) {
    public boolean isEmpty() {
      return toBlock < fromBlock;
    }
  }

  private static final class Entry {
    final InstalledFilter filter;
    long nextBlock;
    Instant lastAccess;

    Entry(InstalledFilter filter, long nextBlock, Instant now) {
      this.filter = filter;
      this.nextBlock = nextBlock;
      this.lastAccess = now;
    }
  }

  private final int maxFilters;
  private final Duration idleTimeout;
  private final Clock clock;
  private final RandomIds ids;
  private final Map<String, Entry> filters = new HashMap<>();

  public FilterRegistry(int maxFilters, Duration idleTimeout, Clock clock, RandomIds ids) {
    if (maxFilters <= 0 || idleTimeout == null || clock == null || ids == null) {
      throw new IllegalArgumentException("invalid filter registry settings");
    }
    this.maxFilters = maxFilters;
    this.idleTimeout = idleTimeout;
    this.clock = clock;
    this.ids = ids;
  }

  /** Installs a filter whose first report starts at {@code nextBlock}; returns its id. */
  public synchronized String install(InstalledFilter filter, long nextBlock) {
    Instant now = clock.instant();
    evictIdle(now);
    if (filters.size() >= maxFilters) {
      throw new RpcException(
          RpcError.LIMIT_EXCEEDED,
          "too many installed filters: the limit is "
              + maxFilters
              + "; uninstall unused filters with eth_uninstallFilter");
    }
    String id = ids.next();
    filters.put(id, new Entry(filter, nextBlock, now));
    return id;
  }

  /** The filter, which counts as a use that keeps it alive. */
  public synchronized Optional<InstalledFilter> find(String id) {
    Instant now = clock.instant();
    evictIdle(now);
    Entry entry = filters.get(id);
    if (entry == null) {
      return Optional.empty();
    }
    entry.lastAccess = now;
    return Optional.of(entry.filter);
  }

  /**
   * Claims the blocks new since the last poll, at most {@code maxBlocks} of them (the rest are
   * claimed by the next poll). Claiming and advancing is one step, so two concurrent polls never
   * report the same block.
   */
  public synchronized Optional<Poll> poll(String id, long head, long maxBlocks) {
    Instant now = clock.instant();
    evictIdle(now);
    Entry entry = filters.get(id);
    if (entry == null) {
      return Optional.empty();
    }
    entry.lastAccess = now;
    long from = entry.nextBlock;
    if (head < from) {
      return Optional.of(new Poll(entry.filter, from, from - 1));
    }
    long to = Math.min(head, from + maxBlocks - 1);
    entry.nextBlock = to + 1;
    return Optional.of(new Poll(entry.filter, from, to));
  }

  public synchronized boolean uninstall(String id) {
    evictIdle(clock.instant());
    return filters.remove(id) != null;
  }

  public synchronized int size() {
    evictIdle(clock.instant());
    return filters.size();
  }

  private void evictIdle(Instant now) {
    Instant cutoff = now.minus(idleTimeout);
    filters.values().removeIf(e -> !e.lastAccess.isAfter(cutoff));
  }
}

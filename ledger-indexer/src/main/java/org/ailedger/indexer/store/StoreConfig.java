package org.ailedger.indexer.store;

import java.time.Duration;

/**
 * How the store is opened.
 *
 * @param location the SQLite file or PostgreSQL database
 * @param readers connections (and worker threads) serving reads; writes always use one
 * @param lockTimeout how long a statement waits for a lock (SQLite's busy timeout) or a pooled
 *     connection before it fails
 */
public record StoreConfig(StoreLocation location, int readers, Duration lockTimeout) {
  public static final int DEFAULT_READERS = 8;
  public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);

  public StoreConfig {
    if (location == null) {
      throw new IllegalArgumentException("a store needs a location");
    }
    if (readers < 1) {
      throw new IllegalArgumentException("readers < 1: " + readers);
    }
    if (lockTimeout == null || lockTimeout.isNegative() || lockTimeout.isZero()) {
      throw new IllegalArgumentException("lock timeout must be positive: " + lockTimeout);
    }
  }

  public static StoreConfig of(StoreLocation location) {
    return new StoreConfig(location, DEFAULT_READERS, DEFAULT_LOCK_TIMEOUT);
  }
}

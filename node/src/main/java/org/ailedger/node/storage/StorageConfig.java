package org.ailedger.node.storage;

import java.nio.file.Path;

/**
 * How the node's RocksDB database is opened.
 *
 * <p>The write-ahead log is always on. With {@code syncWrites} off (the default) a committed batch
 * is in the operating system's page cache when {@code commit()} returns: it survives a crash or
 * kill of the node process, but a power loss or kernel crash can lose the last moments of commits
 * (never half of one — recovery replays whole batches only). With {@code syncWrites} on, every
 * commit waits for fsync of the log, which survives power loss at the price of one disk flush per
 * block. A BFT network tolerates the default: a validator that loses its last blocks fetches them
 * again from its peers.
 *
 * @param path the data directory; created if missing
 * @param syncWrites fsync the write-ahead log on every commit
 * @param blockCacheBytes size of the read cache shared by all columns
 */
public record StorageConfig(Path path, boolean syncWrites, long blockCacheBytes) {
  public static final boolean DEFAULT_SYNC_WRITES = false;
  public static final long DEFAULT_BLOCK_CACHE_BYTES = 64L * 1024 * 1024;

  public StorageConfig {
    if (path == null) {
      throw new IllegalArgumentException("a data directory is required");
    }
    if (blockCacheBytes < 0) {
      throw new IllegalArgumentException(
          "block cache size must not be negative: " + blockCacheBytes);
    }
  }

  /** The defaults for the given data directory. */
  public static StorageConfig of(Path path) {
    return new StorageConfig(path, DEFAULT_SYNC_WRITES, DEFAULT_BLOCK_CACHE_BYTES);
  }

  public StorageConfig withSyncWrites(boolean sync) {
    return new StorageConfig(path, sync, blockCacheBytes);
  }

  public StorageConfig withBlockCacheBytes(long bytes) {
    return new StorageConfig(path, syncWrites, bytes);
  }
}

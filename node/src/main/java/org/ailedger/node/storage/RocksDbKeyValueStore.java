package org.ailedger.node.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.tuweni.bytes.Bytes;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link KeyValueStore} on RocksDB: one column family per {@link Column}, write-ahead log on,
 * each {@link WriteBatch} committed as one RocksDB write batch. RocksDB replays its log by whole
 * batches, so a process killed at any instant leaves each batch fully applied or not at all. See
 * {@link StorageConfig} for what survives a power loss.
 *
 * <p>Thread-safe. A read-write lock keeps {@link #close()} from freeing the native database while
 * another thread is inside it, which would crash the JVM rather than throw.
 */
public final class RocksDbKeyValueStore implements KeyValueStore {
  private static final Logger LOG = LoggerFactory.getLogger(RocksDbKeyValueStore.class);
  private static final String DEFAULT_FAMILY = "default";

  static {
    // loads the bundled native library once per class loader; later calls are no-ops
    RocksDB.loadLibrary();
  }

  private final Path path;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final LRUCache blockCache;
  private final BloomFilter bloomFilter;
  private final ColumnFamilyOptions columnOptions;
  private final DBOptions dbOptions;
  private final WriteOptions writeOptions;
  private final List<ColumnFamilyHandle> handles = new ArrayList<>();
  private final Map<Column, ColumnFamilyHandle> handleOf = new EnumMap<>(Column.class);
  private final RocksDB db;
  private boolean closed;

  private RocksDbKeyValueStore(StorageConfig config) {
    this.path = config.path().toAbsolutePath();
    this.blockCache = new LRUCache(config.blockCacheBytes());
    this.bloomFilter = new BloomFilter(10);
    this.columnOptions =
        new ColumnFamilyOptions()
            .setTableFormatConfig(
                new BlockBasedTableConfig().setBlockCache(blockCache).setFilterPolicy(bloomFilter));
    this.dbOptions = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
    this.writeOptions = new WriteOptions().setSync(config.syncWrites()).setDisableWAL(false);
    try {
      Files.createDirectories(path);
      checkNoUnknownFamilies();
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, columnOptions));
      for (Column column : Column.values()) {
        descriptors.add(new ColumnFamilyDescriptor(column.familyNameBytes(), columnOptions));
      }
      this.db = RocksDB.open(dbOptions, path.toString(), descriptors, handles);
    } catch (RocksDBException e) {
      releaseOptions();
      throw translateOpenFailure(e);
    } catch (IOException e) {
      releaseOptions();
      throw new StorageException("cannot create data directory " + path + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      releaseOptions();
      throw e;
    }
    Column[] columns = Column.values();
    for (int i = 0; i < columns.length; i++) {
      handleOf.put(columns[i], handles.get(i + 1));
    }
    LOG.info("Opened database at {} (sync writes {})", path, config.syncWrites() ? "on" : "off");
  }

  /**
   * Opens the database in {@code config.path()}, creating the directory and any missing column
   * family.
   *
   * @throws StorageException if another process (or this one) has the directory open, if the
   *     directory holds column families this version does not know, or if RocksDB fails
   */
  public static RocksDbKeyValueStore open(StorageConfig config) {
    return new RocksDbKeyValueStore(Objects.requireNonNull(config, "config"));
  }

  /** The absolute path of the data directory. */
  public Path path() {
    return path;
  }

  @Override
  public Optional<Bytes> get(Column column, Bytes key) {
    ColumnFamilyHandle handle = handleOf.get(Objects.requireNonNull(column, "column"));
    byte[] keyBytes = Objects.requireNonNull(key, "key").toArrayUnsafe();
    lock.readLock().lock();
    try {
      checkOpen();
      byte[] value = db.get(handle, keyBytes);
      return Optional.ofNullable(value).map(Bytes::wrap);
    } catch (RocksDBException e) {
      throw new StorageException(
          "reading " + column + " in " + path + " failed: " + describe(e), e);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public WriteBatch batch() {
    lock.readLock().lock();
    try {
      checkOpen();
    } finally {
      lock.readLock().unlock();
    }
    return new BufferedWriteBatch(this::write);
  }

  private void write(List<BufferedWriteBatch.Mutation> mutations) {
    lock.readLock().lock();
    try (org.rocksdb.WriteBatch batch = new org.rocksdb.WriteBatch()) {
      checkOpen();
      for (BufferedWriteBatch.Mutation mutation : mutations) {
        ColumnFamilyHandle handle = handleOf.get(mutation.column());
        switch (mutation) {
          case BufferedWriteBatch.Put put ->
              batch.put(handle, put.key().toArrayUnsafe(), put.value().toArrayUnsafe());
          case BufferedWriteBatch.Delete delete ->
              batch.delete(handle, delete.key().toArrayUnsafe());
        }
      }
      db.write(writeOptions, batch);
    } catch (RocksDBException e) {
      throw new StorageException("writing to " + path + " failed: " + describe(e), e);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      // handles before the database, the database before the options it was opened with
      handles.forEach(ColumnFamilyHandle::close);
      try {
        db.syncWal();
      } catch (RocksDBException e) {
        LOG.warn("Flushing the write-ahead log of {} on close failed: {}", path, describe(e));
      }
      db.close();
      releaseOptions();
      LOG.info("Closed database at {}", path);
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void releaseOptions() {
    writeOptions.close();
    dbOptions.close();
    columnOptions.close();
    bloomFilter.close();
    blockCache.close();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the database at " + path + " is closed");
    }
  }

  /**
   * RocksDB refuses to open unless every existing family is named; a family we do not know means
   * the directory was written by a newer version or another program, which we must not guess at.
   */
  private void checkNoUnknownFamilies() throws RocksDBException {
    if (!Files.exists(path.resolve("CURRENT"))) {
      return; // a new database: RocksDB creates every family on open
    }
    List<byte[]> existing;
    try (Options options = new Options()) {
      existing = RocksDB.listColumnFamilies(options, path.toString());
    }
    Set<String> known = new TreeSet<>();
    known.add(DEFAULT_FAMILY);
    for (Column column : Column.values()) {
      known.add(column.familyName());
    }
    Set<String> unknown = new TreeSet<>();
    for (byte[] name : existing) {
      String family = new String(name, StandardCharsets.UTF_8);
      if (!known.contains(family)) {
        unknown.add(family);
      }
    }
    if (!unknown.isEmpty()) {
      throw new StorageException(
          "data directory "
              + path
              + " holds column families this version does not know: "
              + unknown
              + "; was it written by a newer version or another program?");
    }
  }

  private StorageException translateOpenFailure(RocksDBException e) {
    Status status = e.getStatus();
    String message = describe(e);
    if (status != null
        && status.getCode() == Status.Code.IOError
        && message.toLowerCase(Locale.ROOT).contains("lock")) {
      return new StorageException(
          "data directory " + path + " is in use by another process (or another node in this one)",
          e);
    }
    return new StorageException("cannot open the database at " + path + ": " + message, e);
  }

  private static String describe(RocksDBException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}

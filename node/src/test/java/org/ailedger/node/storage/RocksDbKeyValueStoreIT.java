package org.ailedger.node.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;

class RocksDbKeyValueStoreIT extends KeyValueStoreContract {
  @TempDir Path dir;

  @Override
  KeyValueStore newStore() {
    return RocksDbKeyValueStore.open(StorageConfig.of(dir.resolve("db")));
  }

  private RocksDbKeyValueStore reopen() {
    return RocksDbKeyValueStore.open(StorageConfig.of(dir.resolve("db")));
  }

  @Test
  void committedDataSurvivesCloseAndReopen() {
    WriteBatch batch = store.batch();
    for (Column column : Column.values()) {
      batch.put(column, KEY, Bytes.of(column.ordinal()));
    }
    batch.put(Column.HEADERS, OTHER_KEY, VALUE).commit();
    store.batch().delete(Column.HEADERS, OTHER_KEY).commit();
    store.close();

    try (RocksDbKeyValueStore reopened = reopen()) {
      for (Column column : Column.values()) {
        assertThat(reopened.get(column, KEY))
            .as(column.name())
            .contains(Bytes.of(column.ordinal()));
      }
      assertThat(reopened.get(Column.HEADERS, OTHER_KEY)).isEmpty();
    }
  }

  @Test
  void syncedWritesSurviveReopenToo() {
    store.close();
    StorageConfig config =
        StorageConfig.of(dir.resolve("db")).withSyncWrites(true).withBlockCacheBytes(1 << 20);
    try (RocksDbKeyValueStore synced = RocksDbKeyValueStore.open(config)) {
      synced.batch().put(Column.CANONICAL, Bytes.ofUnsignedLong(7), VALUE).commit();
    }
    try (RocksDbKeyValueStore reopened = reopen()) {
      assertThat(reopened.get(Column.CANONICAL, Bytes.ofUnsignedLong(7))).contains(VALUE);
    }
  }

  @Test
  void secondOpenOfTheSameDirectoryIsRefused() {
    store.batch().put(Column.HEADERS, KEY, VALUE).commit();

    assertThatThrownBy(this::reopen)
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("data directory")
        .hasMessageContaining("is in use");
    // the refused attempt must not have disturbed the open store
    assertThat(store.get(Column.HEADERS, KEY)).contains(VALUE);
  }

  @Test
  void closingReleasesTheDirectoryForTheNextOpen() {
    store.close();

    try (RocksDbKeyValueStore reopened = reopen()) {
      assertThat(reopened.get(Column.HEADERS, KEY)).isEmpty();
    }
  }

  @Test
  void directoryWithAnUnknownColumnFamilyIsRefused() throws Exception {
    store.close();
    Path foreign = dir.resolve("foreign");
    List<ColumnFamilyDescriptor> descriptors =
        List.of(
            new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY),
            new ColumnFamilyDescriptor("from-the-future".getBytes(StandardCharsets.UTF_8)));
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try (DBOptions options =
            new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
        RocksDB db = RocksDB.open(options, foreign.toString(), descriptors, handles)) {
      handles.forEach(ColumnFamilyHandle::close);
    }

    assertThatThrownBy(() -> RocksDbKeyValueStore.open(StorageConfig.of(foreign)))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("from-the-future");
  }

  @Test
  void killedWriterLeavesEveryBatchWholeOrAbsentAndKeepsItsLock() throws Exception {
    store.close();
    Path db = dir.resolve("db");
    Process writer = startWriter(db);
    long reported;
    try {
      reported = awaitCommits(writer, 300);
      // while the writer lives, its lock keeps this process out
      assertThatThrownBy(() -> RocksDbKeyValueStore.open(StorageConfig.of(db)))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("is in use by another process");
    } finally {
      writer.destroyForcibly(); // SIGKILL: no shutdown hooks, no close
      writer.waitFor();
    }

    try (RocksDbKeyValueStore survivor = RocksDbKeyValueStore.open(StorageConfig.of(db))) {
      long head = survivor.get(Column.METADATA, BatchWriterProcess.HEAD).orElseThrow().toLong();
      // what the writer reported as committed was in the OS page cache, so a process kill keeps it
      assertThat(head).isGreaterThanOrEqualTo(reported);
      for (long n = 1; n <= head + 50; n++) {
        Bytes key = Bytes.ofUnsignedLong(n);
        boolean expected = n <= head;
        for (Column column : List.of(Column.HEADERS, Column.BODIES, Column.RECEIPTS)) {
          assertThat(survivor.get(column, key).isPresent())
              .as("%s of batch %d with head %d", column, n, head)
              .isEqualTo(expected);
        }
      }
      // the survivor is a working database: writing continues where the writer stopped
      BatchWriterProcess.writeBatch(survivor, head + 1);
      assertThat(survivor.get(Column.METADATA, BatchWriterProcess.HEAD))
          .contains(Bytes.ofUnsignedLong(head + 1));
    }
  }

  private static Process startWriter(Path db) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(
            java,
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            System.getProperty("java.class.path"),
            BatchWriterProcess.class.getName(),
            db.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  /** Reads the writer's reports until it has committed {@code target} batches; returns the last. */
  private static long awaitCommits(Process writer, long target) throws IOException {
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
    long last = 0;
    while (last < target) {
      String line = lines.readLine();
      if (line == null) {
        fail(
            "the writer process ended before committing "
                + target
                + " batches (exit "
                + exitCode(writer)
                + ")");
      }
      if (line.startsWith("committed ")) {
        last = Long.parseLong(line.substring("committed ".length()));
      }
    }
    return last;
  }

  private static String exitCode(Process process) {
    try {
      return String.valueOf(process.waitFor());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }
}

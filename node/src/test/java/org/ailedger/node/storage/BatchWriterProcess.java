package org.ailedger.node.storage;

import java.nio.file.Path;
import org.apache.tuweni.bytes.Bytes;

/**
 * A separate process for {@link RocksDbKeyValueStoreIT}: commits numbered batches forever and
 * reports each one on stdout, so the test can kill it mid-write and inspect what survived.
 */
final class BatchWriterProcess {
  static final Bytes HEAD = Bytes.wrap("head".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

  private BatchWriterProcess() {}

  /** Batch {@code n} writes HEADERS[n], BODIES[n], RECEIPTS[n] and then METADATA[head] = n. */
  static void writeBatch(KeyValueStore store, long n) {
    Bytes key = Bytes.ofUnsignedLong(n);
    Bytes payload = Bytes.wrap(new byte[4096]); // big enough that a kill can land mid-record
    store
        .batch()
        .put(Column.HEADERS, key, payload)
        .put(Column.BODIES, key, payload)
        .put(Column.RECEIPTS, key, payload)
        .put(Column.METADATA, HEAD, key)
        .commit();
  }

  public static void main(String[] args) {
    try (KeyValueStore store = RocksDbKeyValueStore.open(StorageConfig.of(Path.of(args[0])))) {
      for (long n = 1; ; n++) {
        writeBatch(store, n);
        System.out.println("committed " + n);
        System.out.flush();
      }
    }
  }
}

package org.ailedger.node.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.MutableBytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link KeyValueStore} promises; each implementation's test extends this. */
abstract class KeyValueStoreContract {
  static final Bytes KEY = Bytes.fromHexString("0x01");
  static final Bytes OTHER_KEY = Bytes.fromHexString("0x02");
  static final Bytes VALUE = Bytes.fromHexString("0xcafe");
  static final Bytes OTHER_VALUE = Bytes.fromHexString("0xbeef");

  KeyValueStore store;

  /** A new, empty store. */
  abstract KeyValueStore newStore();

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void missingKeyIsAbsent() {
    assertThat(store.get(Column.HEADERS, KEY)).isEmpty();
  }

  @Test
  void committedPutIsVisible() {
    store.batch().put(Column.HEADERS, KEY, VALUE).commit();

    assertThat(store.get(Column.HEADERS, KEY)).contains(VALUE);
  }

  @Test
  void writesAreInvisibleUntilCommit() {
    WriteBatch batch = store.batch().put(Column.HEADERS, KEY, VALUE);

    assertThat(store.get(Column.HEADERS, KEY)).isEmpty();
    batch.commit();
    assertThat(store.get(Column.HEADERS, KEY)).contains(VALUE);
  }

  @Test
  void abandonedBatchChangesNothing() {
    store.batch().put(Column.HEADERS, KEY, VALUE).delete(Column.BODIES, KEY);

    assertThat(store.get(Column.HEADERS, KEY)).isEmpty();
  }

  @Test
  void oneBatchWritesEveryColumnTogether() {
    WriteBatch batch = store.batch();
    for (Column column : Column.values()) {
      batch.put(column, KEY, Bytes.of(column.ordinal()));
    }
    batch.commit();

    for (Column column : Column.values()) {
      assertThat(store.get(column, KEY)).as(column.name()).contains(Bytes.of(column.ordinal()));
    }
  }

  @Test
  void columnsAreSeparateKeySpaces() {
    store.batch().put(Column.HEADERS, KEY, VALUE).put(Column.BODIES, KEY, OTHER_VALUE).commit();

    assertThat(store.get(Column.HEADERS, KEY)).contains(VALUE);
    assertThat(store.get(Column.BODIES, KEY)).contains(OTHER_VALUE);
    assertThat(store.get(Column.RECEIPTS, KEY)).isEmpty();
  }

  @Test
  void putOverwritesThePreviousValue() {
    store.batch().put(Column.METADATA, KEY, VALUE).commit();
    store.batch().put(Column.METADATA, KEY, OTHER_VALUE).commit();

    assertThat(store.get(Column.METADATA, KEY)).contains(OTHER_VALUE);
  }

  @Test
  void deleteRemovesOnlyItsKey() {
    store.batch().put(Column.TX_INDEX, KEY, VALUE).put(Column.TX_INDEX, OTHER_KEY, VALUE).commit();

    store.batch().delete(Column.TX_INDEX, KEY).commit();

    assertThat(store.get(Column.TX_INDEX, KEY)).isEmpty();
    assertThat(store.get(Column.TX_INDEX, OTHER_KEY)).contains(VALUE);
  }

  @Test
  void deleteOfAbsentKeyIsHarmless() {
    store.batch().delete(Column.TRIE_NODES, KEY).commit();

    assertThat(store.get(Column.TRIE_NODES, KEY)).isEmpty();
  }

  @Test
  void laterOperationOnTheSameKeyWins() {
    store.batch().put(Column.CANONICAL, KEY, VALUE).delete(Column.CANONICAL, KEY).commit();
    store
        .batch()
        .delete(Column.CANONICAL, OTHER_KEY)
        .put(Column.CANONICAL, OTHER_KEY, VALUE)
        .commit();

    assertThat(store.get(Column.CANONICAL, KEY)).isEmpty();
    assertThat(store.get(Column.CANONICAL, OTHER_KEY)).contains(VALUE);
  }

  @Test
  void emptyValueIsStoredAndDistinctFromAbsent() {
    store.batch().put(Column.METADATA, KEY, Bytes.EMPTY).commit();

    assertThat(store.get(Column.METADATA, KEY)).contains(Bytes.EMPTY);
    assertThat(store.get(Column.METADATA, OTHER_KEY)).isEmpty();
  }

  @Test
  void batchIsUsableOnlyOnce() {
    WriteBatch batch = store.batch().put(Column.HEADERS, KEY, VALUE);
    batch.commit();

    assertThatThrownBy(batch::commit).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> batch.put(Column.HEADERS, OTHER_KEY, VALUE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already committed");
    assertThatThrownBy(() -> batch.delete(Column.HEADERS, KEY))
        .isInstanceOf(IllegalStateException.class);
    assertThat(store.get(Column.HEADERS, OTHER_KEY)).isEmpty();
    assertThat(store.get(Column.HEADERS, KEY)).contains(VALUE);
  }

  @Test
  void changingTheCallersArrayAfterPutDoesNotChangeWhatIsStored() {
    byte[] array = {1, 2, 3};
    MutableBytes value = MutableBytes.wrap(array);
    WriteBatch batch = store.batch().put(Column.BODIES, KEY, value);
    array[0] = 9;
    batch.commit();
    array[1] = 9;

    assertThat(store.get(Column.BODIES, KEY)).contains(Bytes.of(1, 2, 3));
  }

  @Test
  void closedStoreRefusesUse() {
    store.close();

    assertThatThrownBy(() -> store.get(Column.HEADERS, KEY))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.batch()).isInstanceOf(IllegalStateException.class);
    store.close(); // idempotent
  }

  @Test
  void batchOpenedBeforeCloseCannotCommitAfterIt() {
    WriteBatch batch = store.batch().put(Column.HEADERS, KEY, VALUE);
    store.close();

    assertThatThrownBy(batch::commit).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void readersNeverSeeHalfABatch() throws InterruptedException {
    // each batch writes the same counter to A and then B; a reader that reads A before B would
    // see B behind A if a batch became visible one write at a time
    Bytes a = Bytes.fromHexString("0xaa");
    Bytes b = Bytes.fromHexString("0xbb");
    store
        .batch()
        .put(Column.METADATA, a, Bytes.ofUnsignedLong(0))
        .put(Column.METADATA, b, Bytes.ofUnsignedLong(0))
        .commit();
    int batches = 2_000;
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<String> torn = new AtomicReference<>();
    Thread reader =
        Thread.ofPlatform()
            .start(
                () -> {
                  while (!done.get() && torn.get() == null) {
                    long seenA = store.get(Column.METADATA, a).orElseThrow().toLong();
                    long seenB = store.get(Column.METADATA, b).orElseThrow().toLong();
                    if (seenB < seenA) {
                      torn.set("read A=" + seenA + " then B=" + seenB);
                    }
                  }
                });
    for (long i = 1; i <= batches; i++) {
      Bytes counter = Bytes.ofUnsignedLong(i);
      store.batch().put(Column.METADATA, a, counter).put(Column.METADATA, b, counter).commit();
    }
    done.set(true);
    reader.join();

    assertThat(torn.get()).isNull();
    assertThat(store.get(Column.METADATA, b)).contains(Bytes.ofUnsignedLong(batches));
  }
}

package org.ailedger.precompiles.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.TreeMap;
import org.ailedger.precompiles.ContractStorage;
import org.ailedger.precompiles.InMemorySlotStore;
import org.ailedger.precompiles.storage.StorageSlots;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

class CheckpointsTest {
  private static final Bytes32 BASE = StorageSlots.slot(7);

  private final InMemorySlotStore store = new InMemorySlotStore();
  private final CountingStorage storage =
      new CountingStorage(ContractStorage.direct(store, Address.of(0x1003)));
  private final Checkpoints history = new Checkpoints(storage, BASE);

  /** Counts slot reads, to see that a lookup is a binary search. */
  private static final class CountingStorage implements ContractStorage {
    private final ContractStorage inner;
    int loads;

    CountingStorage(ContractStorage inner) {
      this.inner = inner;
    }

    @Override
    public Bytes32 load(Bytes32 slot) {
      loads++;
      return inner.load(slot);
    }

    @Override
    public void store(Bytes32 slot, Bytes32 value) {
      inner.store(slot, value);
    }
  }

  @Test
  void emptyHistoryReadsZeroEverywhere() {
    assertThat(history.latest()).isEqualTo(UInt256.ZERO);
    assertThat(history.valueAt(0)).isEqualTo(UInt256.ZERO);
    assertThat(history.valueAt(Long.MAX_VALUE)).isEqualTo(UInt256.ZERO);
  }

  @Test
  void recordingZeroIntoAnEmptyHistoryWritesNothing() {
    history.record(4, UInt256.ZERO);

    assertThat(store.size()).isZero();
  }

  @Test
  void valueAtIsTheLastEntryAtOrBeforeTheBlock() {
    TreeMap<Long, Long> model = new TreeMap<>();
    for (long block = 3; block <= 300; block += 3) {
      history.record(block, UInt256.valueOf(block * 10));
      model.put(block, block * 10);
    }

    for (long block = 0; block <= 303; block++) {
      Map.Entry<Long, Long> expected = model.floorEntry(block);
      assertThat(history.valueAt(block))
          .as("block %d", block)
          .isEqualTo(UInt256.valueOf(expected == null ? 0 : expected.getValue()));
    }
    assertThat(history.latest()).isEqualTo(UInt256.valueOf(3000));
  }

  @Test
  void aLookupReadsLogarithmicallyManySlots() {
    for (long block = 0; block < 1024; block++) {
      history.record(block, UInt256.valueOf(block + 1));
    }
    storage.loads = 0;

    assertThat(history.valueAt(700)).isEqualTo(UInt256.valueOf(701));
    // the length, ten probes for 1024 entries, and the entry found
    assertThat(storage.loads).isLessThanOrEqualTo(12);
  }

  @Test
  void changesWithinOneBlockRewriteItsEntry() {
    history.record(5, UInt256.valueOf(1));
    history.record(5, UInt256.valueOf(2));

    assertThat(history.length()).isEqualTo(1);
    assertThat(history.entry(0)).isEqualTo(new Checkpoints.Entry(5, UInt256.valueOf(2)));
  }

  @Test
  void anUnchangedValueAddsNoEntry() {
    history.record(5, UInt256.valueOf(9));
    history.record(8, UInt256.valueOf(9));

    assertThat(history.length()).isEqualTo(1);
    assertThat(history.valueAt(7)).isEqualTo(UInt256.valueOf(9));
  }

  @Test
  void anEntryForAnEarlierBlockIsABug() {
    history.record(5, UInt256.valueOf(1));

    assertThatThrownBy(() -> history.record(4, UInt256.valueOf(2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("checkpoint for block 4 after one for block 5");
  }

  @Test
  void anEntryPacksTheBlockHighAndTheValueLowInOneSlot() {
    history.record(0x0102, UInt256.valueOf(7));

    assertThat(store.load(Address.of(0x1003), StorageSlots.arrayElement(BASE, 0)))
        .isEqualTo(
            Bytes32.fromHexString(
                "0x0000000000000102000000000000000000000000000000000000000000000007"));
    assertThat(store.load(Address.of(0x1003), BASE)).isEqualTo(UInt256.ONE.toBytes());
  }

  @Test
  void theLargestValueAndBlockSurvivePacking() {
    Checkpoints.Entry entry = new Checkpoints.Entry(Long.MAX_VALUE, Checkpoints.MAX_VALUE);

    assertThat(Checkpoints.Entry.unpack(entry.pack())).isEqualTo(entry);
  }

  @Test
  void valuesAbove192BitsAreRefused() {
    assertThatThrownBy(() -> history.record(1, Checkpoints.MAX_VALUE.add(UInt256.ONE)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

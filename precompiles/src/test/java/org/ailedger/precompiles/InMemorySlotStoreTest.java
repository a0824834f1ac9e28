package org.ailedger.precompiles;

import static org.assertj.core.api.Assertions.assertThat;

import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class InMemorySlotStoreTest {
  private static final Address A = Address.of(0xa);
  private static final Address B = Address.of(0xb);
  private static final Bytes32 SLOT = Bytes32.fromHexString("0x01");
  private static final Bytes32 VALUE = Bytes32.fromHexString("0x2a");

  @Test
  void unsetSlotsReadAsZero() {
    assertThat(new InMemorySlotStore().load(A, SLOT)).isEqualTo(Bytes32.ZERO);
  }

  @Test
  void slotsAreSeparatedByContract() {
    InMemorySlotStore store = new InMemorySlotStore();

    store.store(A, SLOT, VALUE);

    assertThat(store.load(A, SLOT)).isEqualTo(VALUE);
    assertThat(store.load(B, SLOT)).isEqualTo(Bytes32.ZERO);
    assertThat(store.slotsOf(A)).containsExactly(java.util.Map.entry(SLOT, VALUE));
  }

  @Test
  void storingZeroDeletesTheSlot() {
    InMemorySlotStore store = new InMemorySlotStore();
    store.store(A, SLOT, VALUE);

    store.store(A, SLOT, Bytes32.ZERO);

    assertThat(store.size()).isZero();
    assertThat(store).isEqualTo(new InMemorySlotStore());
  }

  @Test
  void copyIsIndependent() {
    InMemorySlotStore store = new InMemorySlotStore();
    store.store(A, SLOT, VALUE);

    InMemorySlotStore copy = store.copy();
    store.store(A, SLOT, Bytes32.ZERO);

    assertThat(copy.load(A, SLOT)).isEqualTo(VALUE);
    assertThat(copy).isNotEqualTo(store);
  }
}

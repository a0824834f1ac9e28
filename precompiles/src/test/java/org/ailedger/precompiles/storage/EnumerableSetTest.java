package org.ailedger.precompiles.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ailedger.precompiles.ContractStorage;
import org.ailedger.precompiles.InMemorySlotStore;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

class EnumerableSetTest {
  private static final Address CONTRACT = Address.of(0x77);
  private static final Bytes32 BASE = StorageSlots.slot(4);

  private final InMemorySlotStore store = new InMemorySlotStore();
  private final EnumerableSet set =
      new EnumerableSet(ContractStorage.direct(store, CONTRACT), BASE);

  private static Bytes32 v(long n) {
    return UInt256.valueOf(n).toBytes();
  }

  @Test
  void addKeepsInsertionOrderAndRefusesDuplicates() {
    assertThat(set.add(v(3))).isTrue();
    assertThat(set.add(v(1))).isTrue();
    assertThat(set.add(v(3))).isFalse();

    assertThat(set.values()).containsExactly(v(3), v(1));
    assertThat(set.size()).isEqualTo(2);
    assertThat(set.contains(v(1))).isTrue();
    assertThat(set.contains(v(2))).isFalse();
  }

  @Test
  void removeMovesTheLastElementIntoTheHole() {
    set.add(v(1));
    set.add(v(2));
    set.add(v(3));

    assertThat(set.remove(v(1))).isTrue();

    assertThat(set.values()).containsExactly(v(3), v(2));
    assertThat(set.remove(v(1))).isFalse();
    assertThat(set.contains(v(3))).isTrue();
  }

  @Test
  void zeroIsAnOrdinaryElement() {
    assertThat(set.add(Bytes32.ZERO)).isTrue();

    assertThat(set.contains(Bytes32.ZERO)).isTrue();
    assertThat(set.values()).containsExactly(Bytes32.ZERO);
  }

  @Test
  void layoutIsTheSolidityStructOfArrayAndPositions() {
    set.add(v(9));

    assertThat(store.load(CONTRACT, BASE)).isEqualTo(v(1));
    assertThat(store.load(CONTRACT, StorageSlots.arrayElement(BASE, 0))).isEqualTo(v(9));
    assertThat(store.load(CONTRACT, StorageSlots.mapping(StorageSlots.slot(5), v(9))))
        .isEqualTo(v(1));
  }

  @Test
  void removingEverythingLeavesNoStorageBehind() {
    for (long i = 1; i <= 5; i++) {
      set.add(v(i));
    }
    for (long i = 5; i >= 1; i -= 2) {
      set.remove(v(i));
    }
    set.remove(v(2));
    set.remove(v(4));

    assertThat(set.isEmpty()).isTrue();
    assertThat(store.size()).isZero();
  }

  @Test
  void indexOutsideTheSetIsRefused() {
    set.add(v(1));

    assertThat(set.at(0)).isEqualTo(v(1));
    assertThatThrownBy(() -> set.at(1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> set.at(-1)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}

package org.ailedger.precompiles.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ailedger.precompiles.ContractStorage;
import org.ailedger.precompiles.InMemorySlotStore;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

class EnumerableSetPropertyTest {
  private static final Address CONTRACT = Address.of(0x77);

  record Op(boolean add, long value) {}

  @Provide
  Arbitrary<List<Op>> operations() {
    // a small value domain makes duplicates and removals of present values common
    Arbitrary<Op> op =
        Combinators.combine(Arbitraries.of(true, true, false), Arbitraries.longs().between(0, 12))
            .as(Op::new);
    return op.list().ofMaxSize(80);
  }

  @Property(tries = 300)
  void randomAddsAndRemovesMatchAReferenceSet(@ForAll("operations") List<Op> ops) {
    InMemorySlotStore store = new InMemorySlotStore();
    EnumerableSet set =
        new EnumerableSet(ContractStorage.direct(store, CONTRACT), StorageSlots.slot(3));
    Set<Bytes32> reference = new HashSet<>();

    for (Op op : ops) {
      Bytes32 value = UInt256.valueOf(op.value()).toBytes();
      boolean changed = op.add() ? set.add(value) : set.remove(value);
      boolean expected = op.add() ? reference.add(value) : reference.remove(value);
      assertThat(changed).isEqualTo(expected);
      assertThat(set.size()).isEqualTo(reference.size());
    }

    List<Bytes32> values = set.values();
    assertThat(values).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(reference);
    for (long v = 0; v <= 12; v++) {
      Bytes32 value = UInt256.valueOf(v).toBytes();
      assertThat(set.contains(value)).isEqualTo(reference.contains(value));
    }
    for (int i = 0; i < values.size(); i++) {
      assertThat(set.at(i)).isEqualTo(values.get(i));
    }
    // length word + one element slot and one position slot per element; nothing stale
    assertThat(store.size())
        .isEqualTo(reference.isEmpty() ? 0 : 1 + 2 * reference.size() - zeroElements(reference));
  }

  /** The element slot of the value zero stays zero in storage, so it is not counted. */
  private static int zeroElements(Set<Bytes32> reference) {
    return reference.contains(Bytes32.ZERO) ? 1 : 0;
  }
}

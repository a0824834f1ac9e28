package org.ailedger.precompiles.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.ailedger.precompiles.ContractStorage;
import org.ailedger.precompiles.InMemorySlotStore;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random add/remove sequences against {@link HashSet}. Each case draws its sequence from {@code new
 * Random(seed)}, so a failing seed reproduces the same operations.
 */
class EnumerableSetPropertyTest {
  private static final int TRIES = 300;
  private static final int MAX_OPERATIONS = 80;
  // a small value domain makes duplicates and removals of present values common
  private static final int LARGEST_VALUE = 12;
  private static final Address CONTRACT = Address.of(0x77);

  record Op(boolean add, long value) {}

  static LongStream seeds() {
    return LongStream.range(0, TRIES);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomAddsAndRemovesMatchAReferenceSet(long seed) {
    List<Op> ops = operations(new Random(seed));
    InMemorySlotStore store = new InMemorySlotStore();
    EnumerableSet set =
        new EnumerableSet(ContractStorage.direct(store, CONTRACT), StorageSlots.slot(3));
    Set<Bytes32> reference = new HashSet<>();

    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      Bytes32 value = UInt256.valueOf(op.value()).toBytes();
      boolean changed = op.add() ? set.add(value) : set.remove(value);
      boolean expected = op.add() ? reference.add(value) : reference.remove(value);
      assertThat(changed).as("seed %d, operation %d: %s", seed, i, op).isEqualTo(expected);
      assertThat(set.size())
          .as("seed %d, size after operation %d", seed, i)
          .isEqualTo(reference.size());
    }

    List<Bytes32> values = set.values();
    assertThat(values)
        .as("seed %d", seed)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(reference);
    for (long v = 0; v <= LARGEST_VALUE; v++) {
      Bytes32 value = UInt256.valueOf(v).toBytes();
      assertThat(set.contains(value))
          .as("seed %d, contains %d", seed, v)
          .isEqualTo(reference.contains(value));
    }
    for (int i = 0; i < values.size(); i++) {
      assertThat(set.at(i)).as("seed %d, at %d", seed, i).isEqualTo(values.get(i));
    }
    // length word + one element slot and one position slot per element; nothing stale
    assertThat(store.size())
        .as("seed %d, slots in use", seed)
        .isEqualTo(reference.isEmpty() ? 0 : 1 + 2 * reference.size() - zeroElements(reference));
  }

  /**
   * Up to 80 operations, two in three of them adds. The length is uniform, except that one draw in
   * ten is the empty or the longest sequence, so every run covers both ends.
   */
  private static List<Op> operations(Random random) {
    int length =
        switch (random.nextInt(20)) {
          case 0 -> 0;
          case 1 -> MAX_OPERATIONS;
          default -> random.nextInt(MAX_OPERATIONS + 1);
        };
    List<Op> ops = new ArrayList<>(length);
    for (int i = 0; i < length; i++) {
      ops.add(new Op(random.nextInt(3) < 2, random.nextInt(LARGEST_VALUE + 1)));
    }
    return ops;
  }

  /** The element slot of the value zero stays zero in storage, so it is not counted. */
  private static int zeroElements(Set<Bytes32> reference) {
    return reference.contains(Bytes32.ZERO) ? 1 : 0;
  }
}

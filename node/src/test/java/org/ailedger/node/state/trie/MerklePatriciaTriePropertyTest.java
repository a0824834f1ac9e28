package org.ailedger.node.state.trie;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties over random trie contents. Each case draws its inputs from {@code new Random(seed)},
 * so a failing seed reproduces the same contents.
 */
class MerklePatriciaTriePropertyTest {
  private static final int TRIES = 1000;
  private static final int MAX_ENTRIES = 40;
  private static final byte[] CROWDED_ALPHABET = {0x00, 0x01, 0x10, (byte) 0xff};

  // Bytes.compareTo compares numeric values (0x00 equals 0x0000), not key order
  private static final Comparator<Bytes> KEY_ORDER =
      (a, b) -> Arrays.compareUnsigned(a.toArrayUnsafe(), b.toArrayUnsafe());

  static LongStream seeds() {
    return LongStream.range(0, TRIES);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void rootDoesNotDependOnInsertionOrder(long seed) {
    Random random = new Random(seed);
    Map<Bytes, Bytes> contents = contents(random);
    List<Map.Entry<Bytes, Bytes>> shuffled = new ArrayList<>(contents.entrySet());
    Collections.shuffle(shuffled, random);

    MerklePatriciaTrie sorted = MerklePatriciaTrie.empty();
    inKeyOrder(contents).forEach(e -> sorted.put(e.getKey(), e.getValue()));
    MerklePatriciaTrie shuffledTrie = MerklePatriciaTrie.empty();
    shuffled.forEach(e -> shuffledTrie.put(e.getKey(), e.getValue()));

    assertThat(shuffledTrie.rootHash()).as("seed %d", seed).isEqualTo(sorted.rootHash());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void removingAddedKeysRestoresTheEarlierRoot(long seed) {
    Random random = new Random(seed);
    Map<Bytes, Bytes> base = contents(random);
    Map<Bytes, Bytes> added = contents(random);
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty();
    base.forEach(trie::put);
    Bytes32 before = trie.rootHash();

    List<Bytes> newKeys = new ArrayList<>();
    added.forEach(
        (key, value) -> {
          if (!base.containsKey(key)) {
            trie.put(key, value);
            newKeys.add(key);
          }
        });
    Collections.shuffle(newKeys, random);
    newKeys.forEach(trie::remove);

    assertThat(trie.rootHash()).as("seed %d", seed).isEqualTo(before);
    base.forEach(
        (key, value) -> assertThat(trie.get(key)).as("seed %d, key %s", seed, key).contains(value));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void removingEveryKeyGivesTheEmptyRoot(long seed) {
    Map<Bytes, Bytes> contents = contents(new Random(seed));
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty();
    contents.forEach(trie::put);
    contents.keySet().forEach(trie::remove);

    assertThat(trie.rootHash()).as("seed %d", seed).isEqualTo(MerklePatriciaTrie.EMPTY_ROOT);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void committedTrieReloadsEveryValue(long seed) {
    Random random = new Random(seed);
    Map<Bytes, Bytes> contents = contents(random);
    Map<Bytes, Bytes> updates = contents(random);
    Map<Bytes32, Bytes> store = new HashMap<>();
    MerklePatriciaTrie original = MerklePatriciaTrie.empty();
    contents.forEach(original::put);
    original.commit(store::put);

    MerklePatriciaTrie loaded =
        new MerklePatriciaTrie(hash -> Optional.ofNullable(store.get(hash)), original.rootHash());
    contents.forEach(
        (key, value) ->
            assertThat(loaded.get(key)).as("seed %d, key %s", seed, key).contains(value));
    assertThat(listed(loaded)).as("seed %d", seed).isEqualTo(inKeyOrder(contents));

    // a second generation: update the loaded trie, commit again, reload and compare with a trie
    // built from scratch
    Map<Bytes, Bytes> expected = new HashMap<>(contents);
    updates.forEach(
        (key, value) -> {
          if (value.size() % 3 == 0) {
            loaded.remove(key);
            expected.remove(key);
          } else {
            loaded.put(key, value);
            expected.put(key, value);
          }
        });
    loaded.commit(store::put);
    MerklePatriciaTrie reloaded =
        new MerklePatriciaTrie(hash -> Optional.ofNullable(store.get(hash)), loaded.rootHash());
    MerklePatriciaTrie fresh = MerklePatriciaTrie.empty();
    expected.forEach(fresh::put);

    assertThat(reloaded.rootHash()).as("seed %d", seed).isEqualTo(fresh.rootHash());
    expected.forEach(
        (key, value) ->
            assertThat(reloaded.get(key)).as("seed %d, key %s", seed, key).contains(value));
    assertThat(listed(reloaded)).as("seed %d", seed).isEqualTo(inKeyOrder(expected));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void committedSecureTrieReloadsEveryValue(long seed) {
    Map<Bytes, Bytes> contents = contents(new Random(seed));
    Map<Bytes32, Bytes> store = new HashMap<>();
    SecureMerklePatriciaTrie original = SecureMerklePatriciaTrie.empty();
    contents.forEach(original::put);
    original.commit(store::put);

    SecureMerklePatriciaTrie loaded =
        new SecureMerklePatriciaTrie(
            hash -> Optional.ofNullable(store.get(hash)), original.rootHash());
    contents.forEach(
        (key, value) ->
            assertThat(loaded.get(key)).as("seed %d, key %s", seed, key).contains(value));
  }

  /**
   * Up to 40 entries. Four keys in five come from a four-byte alphabet with at most five bytes, so
   * that they share prefixes, end inside one another (branch values) and collapse when removed; the
   * rest are random 32-byte keys. Values of 1 to 48 bytes vary around the 32-byte line between
   * embedded and hashed nodes.
   */
  private static Map<Bytes, Bytes> contents(Random random) {
    int size = size(random, 0, MAX_ENTRIES);
    Map<Bytes, Bytes> contents = new HashMap<>();
    while (contents.size() < size) {
      Bytes key = random.nextInt(5) < 4 ? crowdedKey(random) : randomBytes(random, 32);
      contents.put(key, randomBytes(random, size(random, 1, 48)));
    }
    return contents;
  }

  private static Bytes crowdedKey(Random random) {
    byte[] key = new byte[size(random, 0, 5)];
    for (int i = 0; i < key.length; i++) {
      key[i] = CROWDED_ALPHABET[random.nextInt(CROWDED_ALPHABET.length)];
    }
    return Bytes.wrap(key);
  }

  private static Bytes randomBytes(Random random, int size) {
    byte[] bytes = new byte[size];
    random.nextBytes(bytes);
    return Bytes.wrap(bytes);
  }

  /**
   * Uniform in [min, max], except that one draw in ten is min or max: the smallest and largest
   * shapes are where boundary bugs live, so every run covers them.
   */
  private static int size(Random random, int min, int max) {
    return switch (random.nextInt(20)) {
      case 0 -> min;
      case 1 -> max;
      default -> min + random.nextInt(max - min + 1);
    };
  }

  private static List<Map.Entry<Bytes, Bytes>> listed(MerklePatriciaTrie trie) {
    List<Map.Entry<Bytes, Bytes>> entries = new ArrayList<>();
    trie.forEach((key, value) -> entries.add(new SimpleEntry<>(key, value)));
    return entries;
  }

  private static List<Map.Entry<Bytes, Bytes>> inKeyOrder(Map<Bytes, Bytes> contents) {
    return contents.entrySet().stream()
        .<Map.Entry<Bytes, Bytes>>map(e -> new SimpleEntry<>(e.getKey(), e.getValue()))
        .sorted(Map.Entry.comparingByKey(KEY_ORDER))
        .toList();
  }
}

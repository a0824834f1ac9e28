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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

class MerklePatriciaTriePropertyTest {
  // Bytes.compareTo compares numeric values (0x00 equals 0x0000), not key order
  private static final Comparator<Bytes> KEY_ORDER =
      (a, b) -> Arrays.compareUnsigned(a.toArrayUnsafe(), b.toArrayUnsafe());

  @Property
  void rootDoesNotDependOnInsertionOrder(
      @ForAll("contents") Map<Bytes, Bytes> contents, @ForAll long seed) {
    List<Map.Entry<Bytes, Bytes>> shuffled = new ArrayList<>(contents.entrySet());
    Collections.shuffle(shuffled, new Random(seed));

    MerklePatriciaTrie sorted = MerklePatriciaTrie.empty();
    inKeyOrder(contents).forEach(e -> sorted.put(e.getKey(), e.getValue()));
    MerklePatriciaTrie random = MerklePatriciaTrie.empty();
    shuffled.forEach(e -> random.put(e.getKey(), e.getValue()));

    assertThat(random.rootHash()).isEqualTo(sorted.rootHash());
  }

  @Property
  void removingAddedKeysRestoresTheEarlierRoot(
      @ForAll("contents") Map<Bytes, Bytes> base,
      @ForAll("contents") Map<Bytes, Bytes> added,
      @ForAll long seed) {
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
    Collections.shuffle(newKeys, new Random(seed));
    newKeys.forEach(trie::remove);

    assertThat(trie.rootHash()).isEqualTo(before);
    base.forEach((key, value) -> assertThat(trie.get(key)).contains(value));
  }

  @Property
  void removingEveryKeyGivesTheEmptyRoot(@ForAll("contents") Map<Bytes, Bytes> contents) {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty();
    contents.forEach(trie::put);
    contents.keySet().forEach(trie::remove);

    assertThat(trie.rootHash()).isEqualTo(MerklePatriciaTrie.EMPTY_ROOT);
  }

  @Property
  void committedTrieReloadsEveryValue(
      @ForAll("contents") Map<Bytes, Bytes> contents,
      @ForAll("contents") Map<Bytes, Bytes> updates) {
    Map<Bytes32, Bytes> store = new HashMap<>();
    MerklePatriciaTrie original = MerklePatriciaTrie.empty();
    contents.forEach(original::put);
    original.commit(store::put);

    MerklePatriciaTrie loaded =
        new MerklePatriciaTrie(hash -> Optional.ofNullable(store.get(hash)), original.rootHash());
    contents.forEach((key, value) -> assertThat(loaded.get(key)).as("key %s", key).contains(value));
    assertThat(listed(loaded)).isEqualTo(inKeyOrder(contents));

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

    assertThat(reloaded.rootHash()).isEqualTo(fresh.rootHash());
    expected.forEach(
        (key, value) -> assertThat(reloaded.get(key)).as("key %s", key).contains(value));
    assertThat(listed(reloaded)).isEqualTo(inKeyOrder(expected));
  }

  @Property
  void committedSecureTrieReloadsEveryValue(@ForAll("contents") Map<Bytes, Bytes> contents) {
    Map<Bytes32, Bytes> store = new HashMap<>();
    SecureMerklePatriciaTrie original = SecureMerklePatriciaTrie.empty();
    contents.forEach(original::put);
    original.commit(store::put);

    SecureMerklePatriciaTrie loaded =
        new SecureMerklePatriciaTrie(
            hash -> Optional.ofNullable(store.get(hash)), original.rootHash());
    contents.forEach((key, value) -> assertThat(loaded.get(key)).contains(value));
  }

  /**
   * Up to 40 entries. Most keys come from a four-byte alphabet so that they share prefixes, end
   * inside one another (branch values) and collapse when removed; values vary around the 32-byte
   * line between embedded and hashed nodes.
   */
  @Provide
  Arbitrary<Map<Bytes, Bytes>> contents() {
    Arbitrary<Bytes> crowdedKeys =
        Arbitraries.of((byte) 0x00, (byte) 0x01, (byte) 0x10, (byte) 0xff)
            .list()
            .ofMaxSize(5)
            .map(MerklePatriciaTriePropertyTest::toBytes);
    Arbitrary<Bytes> randomKeys =
        Arbitraries.bytes().array(byte[].class).ofSize(32).map(Bytes::wrap);
    Arbitrary<Bytes> values =
        Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(48).map(Bytes::wrap);
    return Arbitraries.maps(
            Arbitraries.frequencyOf(Tuple.of(4, crowdedKeys), Tuple.of(1, randomKeys)), values)
        .ofMaxSize(40);
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

  private static Bytes toBytes(List<Byte> list) {
    byte[] bytes = new byte[list.size()];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = list.get(i);
    }
    return Bytes.wrap(bytes);
  }
}

package org.ailedger.node.state.trie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.ailedger.node.state.Account;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class MerklePatriciaTrieTest {

  @Test
  void emptyTrieHasTheEmptyRoot() {
    assertThat(MerklePatriciaTrie.empty().rootHash())
        .isEqualTo(MerklePatriciaTrie.EMPTY_ROOT)
        .isEqualTo(Account.EMPTY_TRIE_ROOT);
  }

  @Test
  void putOfAnEmptyValueRemovesTheKey() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty();
    trie.put(text("dog"), text("puppy"));
    trie.put(text("dog"), Bytes.EMPTY);

    assertThat(trie.get(text("dog"))).isEmpty();
    assertThat(trie.rootHash()).isEqualTo(MerklePatriciaTrie.EMPTY_ROOT);
  }

  @Test
  void keysThatArePrefixesOfOtherKeysKeepTheirValues() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty();
    trie.put(text("do"), text("verb"));
    trie.put(text("dog"), text("puppy"));
    trie.put(text("doge"), text("coin"));
    trie.put(Bytes.EMPTY, text("root value"));

    assertThat(trie.get(text("do"))).contains(text("verb"));
    assertThat(trie.get(text("dog"))).contains(text("puppy"));
    assertThat(trie.get(text("doge"))).contains(text("coin"));
    assertThat(trie.get(Bytes.EMPTY)).contains(text("root value"));
    assertThat(trie.get(text("d"))).isEmpty();
    assertThat(trie.get(text("dogs"))).isEmpty();
  }

  @Test
  void forEachVisitsKeysInUnsignedByteOrder() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty();
    List<Bytes> keys =
        List.of(
            Bytes.fromHexString("0xff"),
            Bytes.fromHexString("0x00"),
            Bytes.fromHexString("0x0000"),
            Bytes.EMPTY,
            Bytes.fromHexString("0x80"),
            Bytes.fromHexString("0x0001"));
    keys.forEach(key -> trie.put(key, text("v")));

    List<Bytes> visited = new ArrayList<>();
    trie.forEach((key, value) -> visited.add(key));

    assertThat(visited)
        .containsExactly(
            Bytes.EMPTY,
            Bytes.fromHexString("0x00"),
            Bytes.fromHexString("0x0000"),
            Bytes.fromHexString("0x0001"),
            Bytes.fromHexString("0x80"),
            Bytes.fromHexString("0xff"));
  }

  @Test
  void storedValueIsNotAffectedByLaterChangesToTheCallersArray() {
    byte[] array = {1, 2, 3};
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty();
    trie.put(text("k"), Bytes.wrap(array));
    array[0] = 9;

    assertThat(trie.get(text("k"))).contains(Bytes.of(1, 2, 3));
  }

  @Test
  void rootNodeShorterThan32BytesIsStillCommitted() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty();
    trie.put(text("a"), text("b"));
    Map<Bytes32, Bytes> store = new HashMap<>();
    trie.commit(store::put);

    assertThat(store).containsOnlyKeys(trie.rootHash());
    assertThat(store.get(trie.rootHash()).size()).isLessThan(32);
    assertThat(reopen(store, trie.rootHash()).get(text("a"))).contains(text("b"));
  }

  @Test
  void commitWithoutChangesHandsOverOnlyTheRoot() {
    MerklePatriciaTrie trie = filled(200);
    Map<Bytes32, Bytes> store = new HashMap<>();
    trie.commit(store::put);
    assertThat(store.size()).isGreaterThan(200);

    Map<Bytes32, Bytes> second = new HashMap<>();
    trie.commit(second::put);

    assertThat(second).containsOnlyKeys(trie.rootHash());
  }

  @Test
  void commitAfterOneUpdateHandsOverOnlyTheChangedPath() {
    MerklePatriciaTrie trie = filled(200);
    Map<Bytes32, Bytes> store = new HashMap<>();
    trie.commit(store::put);

    trie.put(key(7), text("changed"));
    Map<Bytes32, Bytes> second = new HashMap<>();
    trie.commit(second::put);

    // 200 random 32-byte keys make a trie about three branches deep, plus the leaf
    assertThat(second).containsKey(trie.rootHash()).hasSizeLessThanOrEqualTo(5);
    assertThat(second.keySet()).doesNotContainAnyElementsOf(store.keySet());
  }

  @Test
  void reopenedTrieLoadsOnlyTheNodesOnTheKeysPath() {
    MerklePatriciaTrie trie = filled(200);
    Map<Bytes32, Bytes> store = new HashMap<>();
    trie.commit(store::put);
    AtomicInteger loads = new AtomicInteger();
    MerklePatriciaTrie reopened =
        new MerklePatriciaTrie(
            hash -> {
              loads.incrementAndGet();
              return Optional.ofNullable(store.get(hash));
            },
            trie.rootHash());

    assertThat(reopened.rootHash()).isEqualTo(trie.rootHash());
    assertThat(loads).hasValue(0);
    assertThat(reopened.get(key(7))).contains(value(7));
    int firstRead = loads.get();
    assertThat(firstRead).isBetween(1, 5);
    assertThat(reopened.get(key(7))).contains(value(7));
    assertThat(loads).hasValue(firstRead);
  }

  @Test
  void updatingAReopenedTrieGivesTheSameRootAsBuildingItFresh() {
    MerklePatriciaTrie trie = filled(50);
    Map<Bytes32, Bytes> store = new HashMap<>();
    trie.commit(store::put);
    MerklePatriciaTrie reopened = reopen(store, trie.rootHash());
    for (int i = 0; i < 50; i += 2) {
      reopened.remove(key(i));
    }

    MerklePatriciaTrie fresh = MerklePatriciaTrie.empty();
    for (int i = 1; i < 50; i += 2) {
      fresh.put(key(i), value(i));
    }
    assertThat(reopened.rootHash()).isEqualTo(fresh.rootHash());
  }

  @Test
  void missingNodeIsReportedWithItsHash() {
    Bytes32 unknown = Bytes32.fromHexString("0x" + "ab".repeat(32));
    MerklePatriciaTrie trie = new MerklePatriciaTrie(hash -> Optional.empty(), unknown);

    assertThat(trie.rootHash()).isEqualTo(unknown);
    assertThatThrownBy(() -> trie.get(text("dog")))
        .isInstanceOfSatisfying(
            MissingTrieNodeException.class, e -> assertThat(e.hash()).isEqualTo(unknown))
        .hasMessageContaining(unknown.toHexString());
  }

  @Test
  void malformedStoredNodeIsReportedWithItsHash() {
    Bytes32 hash = Bytes32.fromHexString("0x" + "cd".repeat(32));
    MerklePatriciaTrie trie =
        new MerklePatriciaTrie(h -> Optional.of(Bytes.fromHexString("0xc3010203")), hash);

    assertThatThrownBy(() -> trie.get(text("dog")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(hash.toHexString())
        .hasMessageContaining("2 or 17 items");
  }

  @Test
  void emptyRootNeedsNoStoredNode() {
    MerklePatriciaTrie trie =
        new MerklePatriciaTrie(
            hash -> {
              throw new AssertionError("loaded " + hash);
            },
            MerklePatriciaTrie.EMPTY_ROOT);
    trie.put(text("a"), text("b"));

    assertThat(trie.get(text("a"))).contains(text("b"));
  }

  private static MerklePatriciaTrie reopen(Map<Bytes32, Bytes> store, Bytes32 root) {
    return new MerklePatriciaTrie(hash -> Optional.ofNullable(store.get(hash)), root);
  }

  private static MerklePatriciaTrie filled(int entries) {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty();
    for (int i = 0; i < entries; i++) {
      trie.put(key(i), value(i));
    }
    return trie;
  }

  private static Bytes32 key(int i) {
    return Bytes32.wrap(org.web3j.crypto.Hash.sha3(Bytes.ofUnsignedInt(i).toArrayUnsafe()));
  }

  private static Bytes value(int i) {
    return Bytes.concatenate(text("value "), Bytes.ofUnsignedInt(i), Bytes32.ZERO);
  }

  private static Bytes text(String s) {
    return Bytes.wrap(s.getBytes(StandardCharsets.UTF_8));
  }
}

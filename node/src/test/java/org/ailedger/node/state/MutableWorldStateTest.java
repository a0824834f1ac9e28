package org.ailedger.node.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.ailedger.node.storage.Column;
import org.ailedger.node.storage.InMemoryKeyValueStore;
import org.ailedger.node.storage.WriteBatch;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

class MutableWorldStateTest {
  private static final Address CONTRACT = Address.of(0x1001);
  private static final Bytes32 SLOT = Bytes32.fromHexStringLenient("0x07");
  private static final Bytes32 OTHER_SLOT = Bytes32.fromHexStringLenient("0x08");

  private final InMemoryKeyValueStore store = new InMemoryKeyValueStore();
  private final WorldStateArchive archive = new WorldStateArchive(store);

  @Test
  void aSlotReadBeforeAWriteReadsTheWrittenValueAfterIt() {
    Bytes32 root = committed(Account.EMPTY_TRIE_ROOT, value(1));
    MutableWorldState state = archive.mutableAt(root);

    assertThat(state.load(CONTRACT, SLOT)).isEqualTo(value(1));
    state.store(CONTRACT, SLOT, value(2));
    assertThat(state.load(CONTRACT, SLOT)).isEqualTo(value(2));
    state.store(CONTRACT, SLOT, Bytes32.ZERO);
    assertThat(state.load(CONTRACT, SLOT)).isEqualTo(Bytes32.ZERO);
  }

  @Test
  void aCommitAfterCachedReadsWritesWhatWasStoredAndKeepsWhatWasOnlyRead() {
    Bytes32 root = committed(Account.EMPTY_TRIE_ROOT, value(1));
    MutableWorldState state = archive.mutableAt(root);
    state.load(CONTRACT, SLOT);
    state.load(CONTRACT, OTHER_SLOT);
    state.store(CONTRACT, OTHER_SLOT, value(5));

    Bytes32 next = persist(state.commit());

    assertThat(archive.storageAt(next, CONTRACT, SLOT)).isEqualTo(value(1));
    assertThat(archive.storageAt(next, CONTRACT, OTHER_SLOT)).isEqualTo(value(5));
    // the same state object goes on from the committed values, not from what it read before
    assertThat(state.load(CONTRACT, OTHER_SLOT)).isEqualTo(value(5));
    state.store(CONTRACT, SLOT, value(9));
    Bytes32 third = persist(state.commit());
    assertThat(archive.storageAt(third, CONTRACT, SLOT)).isEqualTo(value(9));
    assertThat(archive.storageAt(root, CONTRACT, SLOT)).isEqualTo(value(1));
  }

  @Test
  void theRootDoesNotDependOnWhatWasReadBeforeTheWrites() {
    Bytes32 root = committed(Account.EMPTY_TRIE_ROOT, value(1));
    MutableWorldState reader = archive.mutableAt(root);
    reader.load(CONTRACT, SLOT);
    reader.load(CONTRACT, OTHER_SLOT);
    reader.store(CONTRACT, OTHER_SLOT, value(3));
    MutableWorldState blind = archive.mutableAt(root);
    blind.store(CONTRACT, OTHER_SLOT, value(3));

    assertThat(reader.commit().stateRoot()).isEqualTo(blind.commit().stateRoot());
  }

  @Test
  void deployedCodeIsHandedToTheCommitAndReadableByHashAfterIt() {
    Bytes code = Bytes.fromHexString("0x5f5ff3");
    Bytes32 codeHash = org.ailedger.evm.hash.Keccak256.hash(code);
    MutableWorldState state = archive.mutableAt(Account.EMPTY_TRIE_ROOT);
    state.putCode(codeHash, code);
    state.setAccount(CONTRACT, new Account(1, UInt256.ZERO, Account.EMPTY_TRIE_ROOT, codeHash));
    assertThat(state.code(codeHash)).isEqualTo(code);

    StateCommit commit = state.commit();
    assertThat(commit.code()).containsExactly(Map.entry(codeHash, code));
    Bytes32 root = persist(commit);

    assertThat(archive.code(root, CONTRACT)).isEqualTo(code);
    assertThat(archive.mutableAt(root).code(codeHash)).isEqualTo(code);
    assertThat(archive.code(root, Address.of(0x1234))).isEqualTo(Bytes.EMPTY);
    // code that never reached storage is a broken state, not an empty account
    assertThatThrownBy(() -> archive.mutableAt(root).code(Bytes32.repeat((byte) 7)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is not stored");
  }

  @Test
  void aDeletedAccountLeavesTheTrieWithItsStorage() {
    Bytes32 before = archive.mutableAt(Account.EMPTY_TRIE_ROOT).commit().stateRoot();
    Bytes32 root = committed(Account.EMPTY_TRIE_ROOT, value(1));
    MutableWorldState state = archive.mutableAt(root);
    assertThat(state.existing(CONTRACT)).isPresent();

    state.deleteAccount(CONTRACT);

    assertThat(state.existing(CONTRACT)).isEmpty();
    assertThat(state.load(CONTRACT, SLOT)).isEqualTo(Bytes32.ZERO);
    assertThat(state.hasStorage(CONTRACT)).isFalse();
    Bytes32 after = persist(state.commit());
    assertThat(after).isEqualTo(before);
    assertThat(archive.account(after, CONTRACT)).isEmpty();
  }

  @Test
  void clearedStorageStartsFromEmptyAndOnlyLaterWritesRemain() {
    MutableWorldState state = archive.mutableAt(Account.EMPTY_TRIE_ROOT);
    state.store(CONTRACT, SLOT, value(1));
    state.store(CONTRACT, OTHER_SLOT, value(2));
    Bytes32 root = persist(state.commit());

    MutableWorldState next = archive.mutableAt(root);
    next.clearStorage(CONTRACT);
    next.store(CONTRACT, OTHER_SLOT, value(3));
    Bytes32 cleared = persist(next.commit());

    assertThat(archive.storageAt(cleared, CONTRACT, SLOT)).isEqualTo(Bytes32.ZERO);
    assertThat(archive.storageAt(cleared, CONTRACT, OTHER_SLOT)).isEqualTo(value(3));
  }

  @Test
  void hasStorageCountsTheBlocksPendingWrites() {
    Bytes32 root = committed(Account.EMPTY_TRIE_ROOT, value(1));
    MutableWorldState state = archive.mutableAt(root);
    assertThat(state.hasStorage(CONTRACT)).isTrue();

    state.store(CONTRACT, SLOT, Bytes32.ZERO);
    assertThat(state.hasStorage(CONTRACT)).isFalse();
    state.store(CONTRACT, OTHER_SLOT, value(4));
    assertThat(state.hasStorage(CONTRACT)).isTrue();

    // the pending writes folded in by hasStorage still reach the committed root
    Bytes32 next = persist(state.commit());
    assertThat(archive.storageAt(next, CONTRACT, SLOT)).isEqualTo(Bytes32.ZERO);
    assertThat(archive.storageAt(next, CONTRACT, OTHER_SLOT)).isEqualTo(value(4));
    assertThat(archive.account(next, CONTRACT).orElseThrow().storageRoot())
        .isEqualTo(committedAlone(OTHER_SLOT, value(4)));
  }

  private Bytes32 committedAlone(Bytes32 slot, Bytes32 slotValue) {
    MutableWorldState state = archive.mutableAt(Account.EMPTY_TRIE_ROOT);
    state.store(CONTRACT, slot, slotValue);
    Bytes32 root = persist(state.commit());
    return archive.account(root, CONTRACT).orElseThrow().storageRoot();
  }

  private Bytes32 committed(Bytes32 root, Bytes32 slotValue) {
    MutableWorldState state = archive.mutableAt(root);
    state.store(CONTRACT, SLOT, slotValue);
    return persist(state.commit());
  }

  private Bytes32 persist(StateCommit commit) {
    WriteBatch batch = store.batch();
    commit.nodes().forEach((hash, node) -> batch.put(Column.TRIE_NODES, hash, node));
    commit.code().forEach((hash, code) -> batch.put(Column.CODE, hash, code));
    batch.commit();
    return commit.stateRoot();
  }

  private static Bytes32 value(int v) {
    return Bytes32.leftPad(Bytes.of(v));
  }
}

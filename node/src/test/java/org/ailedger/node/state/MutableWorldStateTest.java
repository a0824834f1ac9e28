package org.ailedger.node.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.ailedger.node.storage.Column;
import org.ailedger.node.storage.InMemoryKeyValueStore;
import org.ailedger.node.storage.WriteBatch;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
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

  private Bytes32 committed(Bytes32 root, Bytes32 slotValue) {
    MutableWorldState state = archive.mutableAt(root);
    state.store(CONTRACT, SLOT, slotValue);
    return persist(state.commit());
  }

  private Bytes32 persist(StateCommit commit) {
    WriteBatch batch = store.batch();
    commit.nodes().forEach((hash, node) -> batch.put(Column.TRIE_NODES, hash, node));
    batch.commit();
    return commit.stateRoot();
  }

  private static Bytes32 value(int v) {
    return Bytes32.leftPad(Bytes.of(v));
  }
}

package org.ailedger.node.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ailedger.evm.hash.Keccak256;
import org.ailedger.evm.state.AccountChange;
import org.ailedger.evm.state.ChangeSet;
import org.ailedger.evm.state.WorldState;
import org.ailedger.node.storage.Column;
import org.ailedger.node.storage.InMemoryKeyValueStore;
import org.ailedger.node.storage.WriteBatch;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

class ChangeSetWriterTest {
  private static final Address CONTRACT = Address.of(0xc0de);
  private static final org.ailedger.evm.state.Address EVM_CONTRACT =
      new org.ailedger.evm.state.Address(CONTRACT.bytes());

  private final InMemoryKeyValueStore store = new InMemoryKeyValueStore();
  private final WorldStateArchive archive = new WorldStateArchive(store);

  @Test
  void anEvmWorldStateOverTheNodesStateWritesBackCodeNonceAndSlots() {
    MutableWorldState state = archive.mutableAt(Account.EMPTY_TRIE_ROOT);
    WorldState evm = new WorldState(new EvmStateReader(state));
    Bytes code = Bytes.fromHexString("0x600160005500");
    evm.createAccount(EVM_CONTRACT);
    evm.setNonce(EVM_CONTRACT, 1);
    evm.setCode(EVM_CONTRACT, code);
    evm.setStorage(EVM_CONTRACT, UInt256.valueOf(3), UInt256.valueOf(9));
    evm.endTransaction();

    ChangeSetWriter.apply(evm.changeSet(), state, address -> false);
    Bytes32 root = persist(state.commit());

    Account account = archive.account(root, CONTRACT).orElseThrow();
    assertThat(account.nonce()).isEqualTo(1);
    assertThat(account.codeHash()).isEqualTo(Keccak256.hash(code));
    assertThat(archive.code(root, CONTRACT)).isEqualTo(code);
    assertThat(archive.storageAt(root, CONTRACT, UInt256.valueOf(3).toBytes()))
        .isEqualTo(UInt256.valueOf(9).toBytes());
    // the next transaction's EVM reads what this one left
    EvmStateReader reader = new EvmStateReader(archive.mutableAt(root));
    assertThat(reader.account(EVM_CONTRACT).orElseThrow().nonce()).isEqualTo(1);
    assertThat(reader.code(Keccak256.hash(code))).isEqualTo(code);
    assertThat(reader.hasStorage(EVM_CONTRACT)).isTrue();
    assertThat(reader.storage(EVM_CONTRACT, UInt256.valueOf(3))).isEqualTo(UInt256.valueOf(9));
  }

  @Test
  void aDeletionRemovesTheAccountAndAClearKeepsOnlyTheNewSlots() {
    MutableWorldState state = archive.mutableAt(Account.EMPTY_TRIE_ROOT);
    state.setAccount(
        CONTRACT, new Account(1, UInt256.ONE, Account.EMPTY_TRIE_ROOT, Account.EMPTY_CODE_HASH));
    state.store(CONTRACT, UInt256.valueOf(1).toBytes(), UInt256.valueOf(1).toBytes());
    Bytes32 root = persist(state.commit());

    MutableWorldState recreated = archive.mutableAt(root);
    ChangeSetWriter.apply(
        new ChangeSet(
            List.of(
                new AccountChange(
                    EVM_CONTRACT,
                    false,
                    1,
                    UInt256.ZERO,
                    Account.EMPTY_CODE_HASH,
                    Optional.empty(),
                    true,
                    Map.of(UInt256.valueOf(2), UInt256.valueOf(2))))),
        recreated,
        address -> false);
    Bytes32 after = persist(recreated.commit());
    assertThat(archive.storageAt(after, CONTRACT, UInt256.valueOf(1).toBytes()))
        .isEqualTo(Bytes32.ZERO);
    assertThat(archive.storageAt(after, CONTRACT, UInt256.valueOf(2).toBytes()))
        .isEqualTo(UInt256.valueOf(2).toBytes());

    MutableWorldState deleted = archive.mutableAt(after);
    ChangeSetWriter.apply(
        new ChangeSet(
            List.of(
                new AccountChange(
                    EVM_CONTRACT,
                    true,
                    0,
                    UInt256.ZERO,
                    Account.EMPTY_CODE_HASH,
                    Optional.empty(),
                    false,
                    Map.of()))),
        deleted,
        address -> false);
    Bytes32 gone = persist(deleted.commit());
    assertThat(archive.account(gone, CONTRACT)).isEmpty();
    assertThat(gone).isEqualTo(Account.EMPTY_TRIE_ROOT);
  }

  private Bytes32 persist(StateCommit commit) {
    WriteBatch batch = store.batch();
    commit.nodes().forEach((hash, node) -> batch.put(Column.TRIE_NODES, hash, node));
    commit.code().forEach((hash, code) -> batch.put(Column.CODE, hash, code));
    batch.commit();
    return commit.stateRoot();
  }
}

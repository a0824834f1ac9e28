package org.ailedger.precompiles.permissions;

import static org.ailedger.precompiles.permissions.PermissionsFixtures.GENESIS;
import static org.ailedger.precompiles.permissions.PermissionsFixtures.NODE_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.ailedger.precompiles.InMemorySlotStore;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.precompiles.storage.StorageSlots;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

class PermissionsGenesisTest {
  @Test
  void seedingWritesOnlyPermissionsStorage() {
    InMemorySlotStore store = new InMemorySlotStore();

    PermissionsGenesis.seed(store, GENESIS);

    assertThat(store.slotsOf(NativeAddresses.PERMISSIONS)).hasSize(store.size()).isNotEmpty();
  }

  @Test
  void seededStateFollowsTheDocumentedLayout() {
    InMemorySlotStore store = new InMemorySlotStore();

    PermissionsGenesis.seed(store, GENESIS);

    Bytes32 validatorsLength = store.load(NativeAddresses.PERMISSIONS, StorageSlots.slot(6));
    Bytes32 firstValidator =
        store.load(NativeAddresses.PERMISSIONS, StorageSlots.arrayElement(StorageSlots.slot(6), 0));
    Bytes32 accountsLength = store.load(NativeAddresses.PERMISSIONS, StorageSlots.slot(0));
    Bytes32 memberOfAlice =
        store.load(
            NativeAddresses.PERMISSIONS,
            StorageSlots.mapping(StorageSlots.slot(2), PermissionsFixtures.ALICE));
    assertThat(validatorsLength).isEqualTo(UInt256.valueOf(2).toBytes());
    assertThat(firstValidator).isEqualTo(NODE_1.toWord());
    assertThat(accountsLength).isEqualTo(UInt256.valueOf(3).toBytes());
    assertThat(memberOfAlice).isEqualTo(PermissionsFixtures.LAB);
  }

  @Test
  void sameSpecGivesTheSameState() {
    InMemorySlotStore first = new InMemorySlotStore();
    InMemorySlotStore second = new InMemorySlotStore();

    PermissionsGenesis.seed(first, GENESIS);
    PermissionsGenesis.seed(second, GENESIS);

    assertThat(first).isEqualTo(second);
  }

  @Test
  void listOrderIsKeptInStorage() {
    InMemorySlotStore store = new InMemorySlotStore();
    PermissionsSpec reversed =
        new PermissionsSpec(
            GENESIS.accounts().reversed(),
            GENESIS.roles(),
            GENESIS.nodes().reversed(),
            GENESIS.validators().reversed());

    PermissionsGenesis.seed(store, reversed);

    PermissionsView view = PermissionsView.of(store);
    assertThat(view.validators()).isEqualTo(GENESIS.validators().reversed());
    assertThat(view.accounts())
        .isEqualTo(
            GENESIS.accounts().reversed().stream().map(PermissionsSpec.Account::account).toList());
  }

  @Test
  void seedingTwiceIsABug() {
    InMemorySlotStore store = new InMemorySlotStore();
    PermissionsGenesis.seed(store, GENESIS);

    assertThatThrownBy(() -> PermissionsGenesis.seed(store, GENESIS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already seeded");
  }

  @Test
  void minimalSpecWithOnlyAValidator() {
    InMemorySlotStore store = new InMemorySlotStore();

    PermissionsGenesis.seed(
        store, new PermissionsSpec(List.of(), List.of(), List.of(NODE_1), List.of(NODE_1)));

    assertThat(PermissionsView.of(store).validators()).containsExactly(NODE_1);
    assertThat(PermissionsView.of(store).accounts()).isEmpty();
  }
}

package org.ailedger.precompiles.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class StorageSlotsTest {
  @Test
  void firstArrayElementOfSlotZeroIsKeccakOfTheZeroWord() {
    assertThat(StorageSlots.arrayElement(StorageSlots.slot(0), 0))
        .isEqualTo(
            Bytes32.fromHexString(
                "0x290decd9548b62a8d60345a988386fc84ba6bc95484008f6362f93160ef3e563"));
    assertThat(StorageSlots.arrayElement(StorageSlots.slot(0), 1))
        .isEqualTo(
            Bytes32.fromHexString(
                "0x290decd9548b62a8d60345a988386fc84ba6bc95484008f6362f93160ef3e564"));
  }

  @Test
  void mappingSlotHashesTheKeyThenTheSlot() {
    Bytes32 slot = StorageSlots.slot(1);
    Address key = Address.of(0x1234);

    assertThat(StorageSlots.mapping(slot, key)).isEqualTo(StorageSlots.mapping(slot, key.toWord()));
    assertThat(StorageSlots.mapping(slot, key))
        .isNotEqualTo(StorageSlots.mapping(StorageSlots.slot(2), key));
    assertThat(StorageSlots.mapping(slot, Bytes32.ZERO))
        .isNotEqualTo(StorageSlots.mapping(Bytes32.ZERO, slot));
  }

  @Test
  void offsetWrapsAroundTheTopOfTheSlotSpace() {
    Bytes32 top = Bytes32.fromHexString("0x" + "ff".repeat(32));

    assertThat(StorageSlots.offset(top, 1)).isEqualTo(Bytes32.ZERO);
    assertThat(StorageSlots.offset(StorageSlots.slot(6), 1)).isEqualTo(StorageSlots.slot(7));
  }
}

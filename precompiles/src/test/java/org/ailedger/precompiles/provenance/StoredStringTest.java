package org.ailedger.precompiles.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.ailedger.precompiles.ContractStorage;
import org.ailedger.precompiles.InMemorySlotStore;
import org.ailedger.precompiles.storage.StorageSlots;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

/** Strings are laid out in storage exactly as Solidity lays them out. */
class StoredStringTest {
  private static final Address CONTRACT = Address.of(0x1002);
  private static final Bytes32 SLOT = StorageSlots.slot(5);

  private final InMemorySlotStore store = new InMemorySlotStore();
  private final ContractStorage storage = ContractStorage.direct(store, CONTRACT);

  private String roundTrip(String text) {
    StoredString.write(storage, SLOT, text);
    return StoredString.read(storage, SLOT, 10_000);
  }

  @Test
  void emptyStringLeavesTheSlotZero() {
    assertThat(roundTrip("")).isEmpty();
    assertThat(store.size()).isZero();
  }

  @Test
  void shortStringSitsInItsSlotWithTwiceItsLengthInTheLastByte() {
    assertThat(roundTrip("MIT")).isEqualTo("MIT");

    assertThat(store.load(CONTRACT, SLOT))
        .isEqualTo(
            Bytes32.fromHexString(
                "0x4d49540000000000000000000000000000000000000000000000000000000006"));
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void thirtyOneBytesStillFitTheSlot() {
    String text = "a".repeat(31);

    assertThat(roundTrip(text)).isEqualTo(text);
    assertThat(store.load(CONTRACT, SLOT).get(31)).isEqualTo((byte) 62);
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void longStringKeepsTwiceItsLengthPlusOneAndItsBytesFromKeccakOfTheSlot() {
    String text = "b".repeat(32) + "c";

    assertThat(roundTrip(text)).isEqualTo(text);

    assertThat(store.load(CONTRACT, SLOT)).isEqualTo(UInt256.valueOf(67).toBytes());
    assertThat(store.load(CONTRACT, StorageSlots.arrayElement(SLOT, 0)))
        .isEqualTo(Bytes32.wrap("b".repeat(32).getBytes(StandardCharsets.US_ASCII)));
    assertThat(store.load(CONTRACT, StorageSlots.arrayElement(SLOT, 1)))
        .isEqualTo(Bytes32.rightPad(Bytes.of('c')));
    assertThat(store.size()).isEqualTo(3);
  }

  @Test
  void multiByteCharactersAreCountedInBytes() {
    String text = "σύνολο δεδομένων ✓"; // 35 bytes of UTF-8

    assertThat(roundTrip(text)).isEqualTo(text);
    assertThat(store.load(CONTRACT, SLOT))
        .isEqualTo(
            UInt256.valueOf(2L * text.getBytes(StandardCharsets.UTF_8).length + 1).toBytes());
  }

  @Test
  void lengthBeyondTheReadersBoundIsCorruption() {
    StoredString.write(storage, SLOT, "x".repeat(100));

    assertThatThrownBy(() -> StoredString.read(storage, SLOT, 99))
        .isInstanceOf(IllegalStateException.class);
  }
}

package org.ailedger.precompiles.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.ailedger.precompiles.ContractStorage;
import org.ailedger.precompiles.InMemorySlotStore;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.web3j.crypto.Hash;

class StoredStringTest {
  private static final Address CONTRACT = Address.of(0x1001);
  private static final Bytes32 SLOT = UInt256.valueOf(7).toBytes();

  private final InMemorySlotStore store = new InMemorySlotStore();
  private final ContractStorage storage = ContractStorage.direct(store, CONTRACT);

  @Test
  void aShortStringSharesItsSlotWithTwiceItsLength() {
    StoredString.write(storage, SLOT, "ipfs://m");

    Bytes32 word = store.load(CONTRACT, SLOT);
    assertThat(word.slice(0, 8)).isEqualTo(Bytes.wrap("ipfs://m".getBytes(StandardCharsets.UTF_8)));
    assertThat(word.get(31)).isEqualTo((byte) 16);
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void aLongStringStoresTwiceItsLengthPlusOneAndChunksFromKeccakOfTheSlot() {
    String value = "x".repeat(40);

    StoredString.write(storage, SLOT, value);

    assertThat(UInt256.fromBytes(store.load(CONTRACT, SLOT))).isEqualTo(UInt256.valueOf(81));
    Bytes32 first = Bytes32.wrap(Hash.sha3(SLOT.toArrayUnsafe()));
    assertThat(store.load(CONTRACT, first))
        .isEqualTo(Bytes32.wrap("x".repeat(32).getBytes(StandardCharsets.UTF_8)));
    assertThat(store.size()).isEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 31, 32, 33, 64, 65, 1024})
  void whatIsWrittenReadsBack(int length) {
    String value = "é".repeat(length / 2) + "a".repeat(length % 2);

    StoredString.write(storage, SLOT, value);

    assertThat(StoredString.read(storage, SLOT, 1024)).isEqualTo(value);
  }
}

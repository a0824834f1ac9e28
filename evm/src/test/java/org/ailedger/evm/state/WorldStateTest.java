package org.ailedger.evm.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

class WorldStateTest {
  private static final Address ALICE =
      Address.fromHexString("0x00000000000000000000000000000000000a11ce");
  private static final Address BOB =
      Address.fromHexString("0x0000000000000000000000000000000000000b0b");
  private static final Address CONTRACT =
      Address.fromHexString("0x00000000000000000000000000000000c0c0c0c0");

  private final WorldState state =
      new WorldState(
          new MapStateReader()
              .account(ALICE, 1, 1_000, Bytes.EMPTY)
              .account(CONTRACT, 1, 0, Bytes.fromHexString("0x00"))
              .slot(CONTRACT, 7, 70));

  @Test
  void revertingToASnapshotUndoesBalancesStorageAndAccountCreation() {
    int snapshot = state.snapshot();
    state.subtractBalance(ALICE, UInt256.valueOf(400));
    state.addBalance(BOB, UInt256.valueOf(400));
    state.setStorage(CONTRACT, UInt256.valueOf(7), UInt256.valueOf(71));
    state.substate().warm(BOB);

    state.revertTo(snapshot);

    assertThat(state.balance(ALICE)).isEqualTo(UInt256.valueOf(1_000));
    assertThat(state.exists(BOB)).isFalse();
    assertThat(state.storage(CONTRACT, UInt256.valueOf(7))).isEqualTo(UInt256.valueOf(70));
    assertThat(state.substate().isWarm(BOB)).isFalse();
  }

  @Test
  void theOriginalValueIsTheOneAtTheStartOfTheTransaction() {
    state.setStorage(CONTRACT, UInt256.valueOf(7), UInt256.valueOf(71));
    state.setStorage(CONTRACT, UInt256.valueOf(7), UInt256.valueOf(72));
    assertThat(state.originalStorage(CONTRACT, UInt256.valueOf(7))).isEqualTo(UInt256.valueOf(70));

    state.endTransaction();

    assertThat(state.originalStorage(CONTRACT, UInt256.valueOf(7))).isEqualTo(UInt256.valueOf(72));
  }

  @Test
  void aTouchedEmptyAccountIsDeletedAtTheEndOfTheTransaction() {
    state.addBalance(BOB, UInt256.ZERO);
    assertThat(state.exists(BOB)).isTrue();

    state.endTransaction();

    assertThat(state.exists(BOB)).isFalse();
    assertThat(state.changeSet().accounts())
        .singleElement()
        .satisfies(change -> assertThat(change.deleted()).isTrue());
  }

  @Test
  void selfDestructDeletesOnlyAnAccountCreatedInTheSameTransaction() {
    state.selfDestruct(CONTRACT, BOB);
    Address fresh = Address.fromHexString("0x00000000000000000000000000000000000f4e54");
    state.createAccount(fresh);
    state.addBalance(fresh, UInt256.valueOf(5));
    state.selfDestruct(fresh, BOB);

    state.endTransaction();

    assertThat(state.exists(CONTRACT)).isTrue();
    assertThat(state.exists(fresh)).isFalse();
    assertThat(state.balance(BOB)).isEqualTo(UInt256.valueOf(5));
  }

  @Test
  void theChangeSetCarriesNewCodeAndWrittenSlots() {
    state.setCode(BOB, Bytes.fromHexString("0x6001"));
    state.setNonce(BOB, 1);
    state.setStorage(BOB, UInt256.ONE, UInt256.valueOf(9));
    state.endTransaction();

    AccountChange change =
        state.changeSet().accounts().stream()
            .filter(c -> c.address().equals(BOB))
            .findFirst()
            .orElseThrow();
    assertThat(change.newCode()).contains(Bytes.fromHexString("0x6001"));
    assertThat(change.storage()).isEqualTo(Map.of(UInt256.ONE, UInt256.valueOf(9)));
    assertThat(change.nonce()).isEqualTo(1);
  }
}

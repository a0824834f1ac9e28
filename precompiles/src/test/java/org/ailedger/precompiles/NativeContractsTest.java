package org.ailedger.precompiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ailedger.precompiles.permissions.Permissions;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class NativeContractsTest {
  private record Named(Address address, String name) implements NativeContract {
    @Override
    public Bytes call(ContractState state, Bytes input) {
      return Bytes.EMPTY;
    }
  }

  @Test
  void codeMarkerIsTheInvalidOpcodeFollowedByTheName() {
    NativeContracts contracts = NativeContracts.of(List.of(new Named(Address.of(0x1000), "Toy")));

    Bytes code = contracts.code(Address.of(0x1000));

    assertThat(code.get(0)).isEqualTo((byte) 0xFE);
    assertThat(new String(code.slice(1).toArrayUnsafe(), StandardCharsets.UTF_8)).isEqualTo("Toy");
    assertThat(contracts.isNative(Address.of(0x1000))).isTrue();
    assertThat(contracts.code(Address.of(0x42))).isEqualTo(Bytes.EMPTY);
  }

  @Test
  void standardSetHasPermissionsAtItsFixedAddress() {
    NativeContracts contracts = NativeContracts.standard();

    assertThat(contracts.isNative(Address.fromHex("0x0000000000000000000000000000000000001000")))
        .isTrue();
    assertThat(contracts.at(NativeAddresses.PERMISSIONS)).containsInstanceOf(Permissions.class);
    assertThat(contracts.isNative(Address.of(0x1005))).isFalse();
    assertThat(contracts.at(Address.of(0x1005))).isEmpty();
  }

  @Test
  void permissionsCodeMarkerNamesPermissions() {
    Bytes code = NativeContracts.standard().code(NativeAddresses.PERMISSIONS);

    assertThat(code)
        .isEqualTo(
            Bytes.concatenate(
                Bytes.of(0xFE), Bytes.wrap("Permissions".getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void duplicateAddressesOrNamesAreRefused() {
    assertThatThrownBy(
            () ->
                NativeContracts.of(
                    List.of(new Named(Address.of(1), "A"), new Named(Address.of(1), "B"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                NativeContracts.of(
                    List.of(new Named(Address.of(1), "A"), new Named(Address.of(2), "A"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void allKeepsRegistrationOrder() {
    Named first = new Named(Address.of(9), "First");
    Named second = new Named(Address.of(3), "Second");

    assertThat(NativeContracts.of(List.of(first, second)).all()).containsExactly(first, second);
  }
}

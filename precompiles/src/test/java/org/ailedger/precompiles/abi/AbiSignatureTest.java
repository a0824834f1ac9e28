package org.ailedger.precompiles.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class AbiSignatureTest {
  @Test
  void selectorMatchesTheWellKnownErc20Selectors() {
    assertThat(AbiSignature.parse("transfer(address to, uint256 amount) returns (bool)").selector())
        .isEqualTo(Bytes.fromHexString("0xa9059cbb"));
    assertThat(AbiSignature.parse("balanceOf(address)").selector())
        .isEqualTo(Bytes.fromHexString("0x70a08231"));
  }

  @Test
  void parsesNamesInputsAndOutputs() {
    AbiSignature signature =
        AbiSignature.parse("hasRole(bytes32 role, address account) returns (bool)");

    assertThat(signature.name()).isEqualTo("hasRole");
    assertThat(signature.canonical()).isEqualTo("hasRole(bytes32,address)");
    assertThat(signature.inputs())
        .extracting(AbiParameter::name)
        .containsExactly("role", "account");
    assertThat(signature.outputs()).containsExactly(new AbiType.Word("bool"));
  }

  @Test
  void parsesEmptyParametersAndArrays() {
    AbiSignature signature = AbiSignature.parse("getValidators() returns (address[])");

    assertThat(signature.inputs()).isEmpty();
    assertThat(signature.canonical()).isEqualTo("getValidators()");
    assertThat(signature.outputs()).containsExactly(new AbiType.Array(new AbiType.Word("address")));
  }

  @Test
  void nonCanonicalTypeAliasesAreRefused() {
    assertThatThrownBy(() -> AbiSignature.parse("f(uint)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("uint");
    assertThatThrownBy(() -> AbiSignature.parse("f(uint08)"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AbiSignature.parse("f(bytes33)"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AbiSignature.parse("f(uint7)"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unsupportedShapesAreRefused() {
    assertThatThrownBy(() -> AbiSignature.parse("f(string[])"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AbiSignature.parse("f((uint256,bool))"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AbiSignature.parse("f(address indexed a)"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AbiSignature.parse("not a signature"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void acceptsEveryIntegerAndFixedBytesWidth() {
    for (int bits = 8; bits <= 256; bits += 8) {
      assertThat(AbiType.parse("uint" + bits).name()).isEqualTo("uint" + bits);
      assertThat(AbiType.parse("int" + bits).name()).isEqualTo("int" + bits);
    }
    for (int size = 1; size <= 32; size++) {
      assertThat(AbiType.parse("bytes" + size).dynamic()).isFalse();
    }
    assertThat(AbiType.parse("string")).isEqualTo(new AbiType.Blob("string"));
    assertThat(List.of(AbiType.parse("bytes"), AbiType.parse("bytes32[]")))
        .allMatch(AbiType::dynamic);
  }
}

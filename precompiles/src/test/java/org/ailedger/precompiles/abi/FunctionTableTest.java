package org.ailedger.precompiles.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class FunctionTableTest {
  private static final FunctionHandler NOTHING = (state, args) -> List.of();

  @Test
  void functionsAreFoundBySelector() {
    FunctionTable table =
        FunctionTable.of(
            "T",
            List.of(
                AbiFunction.view("balanceOf(address owner) returns (uint256)", 1, NOTHING),
                AbiFunction.nonpayable("transfer(address,uint256) returns (bool)", 1, NOTHING)));

    assertThat(table.bySelector(Bytes.fromHexString("0xa9059cbb")))
        .hasValueSatisfying(f -> assertThat(f.signature().name()).isEqualTo("transfer"));
    assertThat(table.bySelector(Bytes.fromHexString("0x00000000"))).isEmpty();
    assertThat(table.functions()).hasSize(2);
  }

  @Test
  void twoFunctionsWithTheSameSelectorAreRefused() {
    assertThatThrownBy(
            () ->
                FunctionTable.of(
                    "T",
                    List.of(
                        AbiFunction.view("f(uint256 a)", 1, NOTHING),
                        AbiFunction.nonpayable("f(uint256 b)", 1, NOTHING))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("share selector");
  }

  @Test
  void negativeFunctionGasIsRefused() {
    assertThatThrownBy(() -> AbiFunction.view("f()", -1, NOTHING))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

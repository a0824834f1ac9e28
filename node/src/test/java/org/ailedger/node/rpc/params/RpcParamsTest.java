package org.ailedger.node.rpc.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ailedger.node.rpc.RpcException;
import org.ailedger.node.rpc.TestJson;
import org.junit.jupiter.api.Test;

class RpcParamsTest {
  @Test
  void absentAndNullParamsAreEmpty() {
    assertThat(RpcParams.of(null).size()).isZero();
    assertThat(RpcParams.of(TestJson.parse("null")).size()).isZero();
  }

  @Test
  void namedParamsAreRefused() {
    assertThatThrownBy(() -> RpcParams.of(TestJson.parse("{\"a\":1}")))
        .isInstanceOf(RpcException.class)
        .hasMessage("params must be an array: this server takes positional params, not an object");
  }

  @Test
  void surplusArgumentsAreRefusedButTrailingNullsIgnored() {
    RpcParams params = RpcParams.of(TestJson.parse("[\"0x1\", null, null]"));

    assertThat(params.expectAtMost(1).has(1)).isFalse();
    assertThatThrownBy(() -> RpcParams.of(TestJson.parse("[1, 2, 3]")).expectAtMost(2))
        .isInstanceOf(RpcException.class)
        .hasMessage("too many arguments: want at most 2, got 3");
  }

  @Test
  void missingRequiredArgumentIsNamed() {
    assertThatThrownBy(() -> RpcParams.of(TestJson.parse("[]")).address(0, "address"))
        .isInstanceOf(RpcException.class)
        .hasMessage("missing value for required argument 0 (address)");
  }

  @Test
  void absentBlockMeansLatest() {
    assertThat(RpcParams.of(TestJson.parse("[\"0x1\"]")).blockNumberTagOrHash(1, "block"))
        .isEqualTo(BlockParameter.LATEST);
  }

  @Test
  void booleansMustBeBooleans() {
    assertThatThrownBy(() -> RpcParams.of(TestJson.parse("[\"0x1\", \"true\"]")).bool(1, "full"))
        .isInstanceOf(RpcException.class)
        .hasMessage("invalid argument 1 (full): want a boolean, got a string");
  }
}

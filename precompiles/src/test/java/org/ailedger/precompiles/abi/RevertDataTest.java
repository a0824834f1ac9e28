package org.ailedger.precompiles.abi;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class RevertDataTest {
  @Test
  void encodesErrorStringExactlyAsSolidityDoes() {
    Bytes expected =
        Bytes.fromHexString(
            "0x08c379a0"
                + "0000000000000000000000000000000000000000000000000000000000000020"
                + "0000000000000000000000000000000000000000000000000000000000000002"
                + "6869000000000000000000000000000000000000000000000000000000000000");

    assertThat(RevertData.encode("hi")).isEqualTo(expected);
  }

  @Test
  void decodesItsOwnEncoding() {
    String reason = "round 3 of model 0xabc is closed — späť";

    assertThat(RevertData.decode(RevertData.encode(reason))).contains(reason);
  }

  @Test
  void otherOutputsAreNotRevertReasons() {
    assertThat(RevertData.decode(Bytes.EMPTY)).isEmpty();
    assertThat(RevertData.decode(Bytes.fromHexString("0x4e487b71" + "00".repeat(31) + "11")))
        .isEmpty();
    assertThat(RevertData.decode(Bytes.fromHexString("0x08c379a0"))).isEmpty();
  }
}

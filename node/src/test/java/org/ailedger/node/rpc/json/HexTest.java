package org.ailedger.node.rpc.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

class HexTest {
  @Test
  void quantitiesHaveNoLeadingZeros() {
    assertThat(Hex.quantity(0)).isEqualTo("0x0");
    assertThat(Hex.quantity(1)).isEqualTo("0x1");
    assertThat(Hex.quantity(1024)).isEqualTo("0x400");
    assertThat(Hex.quantity(Long.MAX_VALUE)).isEqualTo("0x7fffffffffffffff");
    assertThat(Hex.quantity(UInt256.ZERO)).isEqualTo("0x0");
    assertThat(Hex.quantity(UInt256.MAX_VALUE)).isEqualTo("0x" + "f".repeat(64));
    assertThat(Hex.quantity(BigInteger.valueOf(255))).isEqualTo("0xff");
  }

  @Test
  void negativeQuantitiesAreABug() {
    assertThatThrownBy(() -> Hex.quantity(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dataKeepsEveryByteInLowerCase() {
    assertThat(Hex.data(Bytes.EMPTY)).isEqualTo("0x");
    assertThat(Hex.data(Bytes.fromHexString("0x000AbC"))).isEqualTo("0x000abc");
  }
}

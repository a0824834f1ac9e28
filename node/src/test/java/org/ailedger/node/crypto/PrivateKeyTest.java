package org.ailedger.node.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class PrivateKeyTest {
  @Test
  void zeroIsNotAPrivateKey() {
    assertThatThrownBy(() -> new PrivateKey(Bytes32.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[1, n)");
  }

  @Test
  void groupOrderIsNotAPrivateKey() {
    assertThatThrownBy(() -> PrivateKey.of(Secp256k1.CURVE_ORDER))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new PrivateKey(
                    Bytes32.fromHexString(
                        "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void largestScalarIsAPrivateKey() {
    BigInteger largest = Secp256k1.CURVE_ORDER.subtract(BigInteger.ONE);
    assertThat(PrivateKey.of(largest).value()).isEqualTo(largest);
  }

  @Test
  void hexOfWrongLengthIsRefused() {
    assertThatThrownBy(() -> PrivateKey.fromHex("0x01"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes, got 1");
    assertThatThrownBy(() -> PrivateKey.fromHex("0xzz"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hex");
  }

  @Test
  void toStringNeverShowsTheKey() {
    PrivateKey key =
        PrivateKey.fromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    assertThat(key.toString()).doesNotContain("ac0974").doesNotContain("ff80");
  }
}

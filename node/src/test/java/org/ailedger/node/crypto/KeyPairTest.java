package org.ailedger.node.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.ailedger.types.Address;
import org.junit.jupiter.api.Test;

class KeyPairTest {
  private static final String TEST_MNEMONIC =
      "test test test test test test test test test test test junk";

  @Test
  void testMnemonicAccountsMatchFoundryAndHardhat() {
    assertThat(KeyPair.fromMnemonic(TEST_MNEMONIC, 0).address())
        .isEqualTo(Address.fromHex("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"));
    assertThat(KeyPair.fromMnemonic(TEST_MNEMONIC, 1).address())
        .isEqualTo(Address.fromHex("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"));
  }

  @Test
  void mnemonicAccountZeroHasTheWellKnownPrivateKey() {
    assertThat(KeyPair.fromMnemonic(TEST_MNEMONIC, 0).privateKey())
        .isEqualTo(
            PrivateKey.fromHex(
                "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"));
  }

  @Test
  void mnemonicWithBadChecksumIsRefused() {
    assertThatThrownBy(
            () ->
                KeyPair.fromMnemonic(
                    "test test test test test test test test test test test test", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mnemonic");
  }

  @Test
  void negativeAccountIndexIsRefused() {
    assertThatThrownBy(() -> KeyPair.fromMnemonic(TEST_MNEMONIC, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("index");
  }

  @Test
  void addressIsKeccakOfThePublicKey() {
    // the generator point's key pair: private key 1, public key G
    KeyPair one = KeyPair.of(PrivateKey.of(BigInteger.ONE));
    assertThat(one.publicKey().bytes().slice(0, 32).toHexString())
        .isEqualTo("0x79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");
    assertThat(one.address())
        .isEqualTo(Address.fromHex("0x7e5f4552091a69125d5dfcb7b8c2659029395bdf"));
  }

  @Test
  void mismatchedPublicKeyIsRefused() {
    KeyPair one = KeyPair.of(PrivateKey.of(BigInteger.ONE));
    KeyPair two = KeyPair.of(PrivateKey.of(BigInteger.TWO));
    assertThatThrownBy(() -> new KeyPair(one.privateKey(), two.publicKey(), two.address()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not belong to the private key");
    assertThatThrownBy(() -> new KeyPair(one.privateKey(), one.publicKey(), two.address()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not belong to the public key");
  }

  @Test
  void toStringShowsTheAddressButNotTheKey() {
    KeyPair keys = KeyPair.fromMnemonic(TEST_MNEMONIC, 0);
    String keyHex = keys.privateKey().bytes().toUnprefixedHexString();
    assertThat(keys.toString()).contains(keys.address().toHexString()).doesNotContain(keyHex);
  }
}

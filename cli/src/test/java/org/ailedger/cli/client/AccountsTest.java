package org.ailedger.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.types.Address;
import org.junit.jupiter.api.Test;

class AccountsTest {
  @Test
  void devNamesTheWellKnownDevnetAccounts() {
    // account 0 of the public test mnemonic, as Foundry and Hardhat print it
    assertThat(Accounts.address("dev:0"))
        .isEqualTo(Address.fromHex("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"));
    assertThat(Accounts.key("dev:5")).isEqualTo(DevAccounts.account(5));
    assertThat(Accounts.address("dev:137")).isEqualTo(DevAccounts.account(137).address());
  }

  @Test
  void devIndexesOutsideTheDevnetsAccountsAreRefused() {
    assertThatThrownBy(() -> Accounts.address("dev:138")).hasMessageContaining("dev:0 to dev:137");
    assertThatThrownBy(() -> Accounts.key("dev:-1")).hasMessageContaining("dev:0 to dev:137");
    assertThatThrownBy(() -> Accounts.key("dev:one")).hasMessageContaining("dev:0 to dev:137");
  }

  @Test
  void addressesAreFortyHexDigits() {
    assertThat(Accounts.address("0x" + "AA".repeat(20)).toHexString())
        .isEqualTo("0x" + "aa".repeat(20));
    assertThatThrownBy(() -> Accounts.address("0x" + "aa".repeat(19)))
        .hasMessageContaining("40 hex digits");
    assertThatThrownBy(() -> Accounts.address("alice")).hasMessageContaining("40 hex digits");
  }

  @Test
  void keysAreSixtyFourHexDigitsWithOrWithoutPrefix() {
    String hex = DevAccounts.account(3).privateKey().bytes().toHexString();

    assertThat(Accounts.key(hex)).isEqualTo(DevAccounts.account(3));
    assertThat(Accounts.key(hex.substring(2))).isEqualTo(DevAccounts.account(3));
    assertThatThrownBy(() -> Accounts.key("0x1234")).hasMessageContaining("64 hex digits");
    assertThatThrownBy(() -> Accounts.key("0x" + "00".repeat(32)))
        .hasMessageContaining("64 hex digits");
  }
}

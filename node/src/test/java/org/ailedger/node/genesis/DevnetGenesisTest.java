package org.ailedger.node.genesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ailedger.types.Address;
import org.junit.jupiter.api.Test;

class DevnetGenesisTest {
  private static final Path CHECKED_IN = Path.of("..", "genesis", "devnet", "genesis.json");

  @Test
  void checkedInDevnetGenesisIsWhatTheGeneratorWrites() throws Exception {
    String generated = new GenesisWriter().write(DevnetGenesis.spec());

    assertThat(Files.readString(CHECKED_IN))
        .as(
            "genesis/devnet/genesis.json is stale: run ./ailedger genesis devnet --out genesis/devnet/genesis.json")
        .isEqualTo(generated);
  }

  @Test
  void devnetHasTheAccountsRolesAndTimingOfTheDesign() {
    GenesisConfig genesis =
        new GenesisParser().parse(new GenesisWriter().write(DevnetGenesis.spec()));

    assertThat(genesis.chainId()).isEqualTo(1337);
    assertThat(genesis.qbft().blockPeriodSeconds()).isEqualTo(1);
    assertThat(genesis.gasLimit()).isGreaterThanOrEqualTo(300_000_000L);
    assertThat(genesis.zeroBaseFee()).isTrue();
    assertThat(genesis.validators())
        .containsExactly(
            DevAccounts.validator(0).address(),
            DevAccounts.validator(1).address(),
            DevAccounts.validator(2).address(),
            DevAccounts.validator(3).address());
    assertThat(genesis.nodes()).as("node allowlist").isEqualTo(genesis.validators());
    assertThat(genesis.accounts()).hasSize(DevAccounts.NAMED_ACCOUNTS + DevAccounts.LOAD_ACCOUNTS);
    assertThat(genesis.accounts().get(0).address())
        .isEqualTo(Address.fromHex("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"));
    assertThat(genesis.accounts().get(0).roles()).containsExactly("MODEL_OWNER");
    assertThat(genesis.accounts().get(1).roles()).containsExactly("AGGREGATOR");
    assertThat(genesis.accounts().get(5).roles()).containsExactly("AUDITOR");
    assertThat(MemberIds.format(genesis.accounts().get(7).memberId()))
        .isEqualTo(MemberIds.format(genesis.accounts().get(8).memberId()))
        .isEqualTo("holder-two");
    assertThat(genesis.accounts().get(137).roles()).containsExactly("CONTRIBUTOR");
    assertThat(MemberIds.format(genesis.accounts().get(137).memberId())).isEqualTo("load");
  }
}

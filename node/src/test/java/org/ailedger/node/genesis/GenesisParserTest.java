package org.ailedger.node.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GenesisParserTest {
  private final GenesisParser parser = new GenesisParser();
  private final String devnet = new GenesisWriter().write(DevnetGenesis.spec(1));

  @Test
  void readsWhatTheWriterWrites() {
    GenesisConfig genesis = parser.parse(devnet);

    assertThat(genesis.alloc()).hasSize(138);
    assertThat(genesis.nodes()).isEqualTo(genesis.validators());
  }

  @Test
  void namesTheMissingField() {
    assertThatThrownBy(() -> parser.parse(devnet.replace("\"qbft\"", "\"ibft2\"")))
        .isInstanceOf(GenesisFileException.class)
        .hasMessageContaining("'qbft'");
  }

  @Test
  void refusesANonQbftMixHash() {
    assertThatThrownBy(
            () ->
                parser.parse(
                    devnet.replace(
                        "0x63746963616c2062797a616e74696e65206661756c7420746f6c6572616e6365",
                        "0x0000000000000000000000000000000000000000000000000000000000000000")))
        .isInstanceOf(GenesisFileException.class)
        .hasMessageContaining("mixHash");
  }

  @Test
  void refusesMalformedJsonWithAReason() {
    assertThatThrownBy(() -> parser.parse("{\"config\": "))
        .isInstanceOf(GenesisFileException.class)
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void refusesAMemberNameLongerThanABytes32() {
    assertThatThrownBy(() -> MemberIds.parse("a-member-name-that-is-far-too-long-for-32"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(MemberIds.format(MemberIds.parse("acme-ai"))).isEqualTo("acme-ai");
  }
}

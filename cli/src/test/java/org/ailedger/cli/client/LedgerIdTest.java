package org.ailedger.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

class LedgerIdTest {
  @Test
  void aFullHexIdIsTakenAsItIsAndPrintedLowerCase() {
    String upper = "0x" + "AB".repeat(32);

    LedgerId id = LedgerId.parse(upper);

    assertThat(id.hex()).isEqualTo(upper.toLowerCase());
    assertThat(id.text()).isEmpty();
    assertThat(id.derivation()).isEmpty();
  }

  @Test
  void anyOtherTextIsHashedWithKeccakAndRemembered() {
    LedgerId id = LedgerId.parse("mnist-cnn");

    assertThat(id.bytes()).isEqualTo(Hash.sha3("mnist-cnn".getBytes(StandardCharsets.UTF_8)));
    assertThat(id.derivation()).contains("keccak256(\"mnist-cnn\")");
    assertThat(id.describeAs(Output.object(), "modelId").toString())
        .isEqualTo(
            "{\"modelId\":\""
                + id.hex()
                + "\",\"modelIdSource\":\"keccak256(\\\"mnist-cnn\\\")\"}");
  }

  @Test
  void keccakOfTheEmptyStringMatchesTheKnownValue() {
    assertThat(LedgerId.keccak("").toHexString())
        .isEqualTo("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  }

  @Test
  void hexOfTheWrongLengthIsRefusedRatherThanHashed() {
    assertThatThrownBy(() -> LedgerId.parse("0x1234"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("4 hex digits, not 64");
    assertThatThrownBy(() -> LedgerId.parse("0x" + "a".repeat(63)))
        .hasMessageContaining("63 hex digits");
  }

  @Test
  void textThatOnlyStartsLikeHexIsAName() {
    LedgerId id = LedgerId.parse("0xford-dataset");

    assertThat(id.text()).contains("0xford-dataset");
  }

  @Test
  void blankIdsAreRefused() {
    assertThatThrownBy(() -> LedgerId.parse(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void errorsAboutANamedIdSayWhichNameWasHashed() {
    assertThat(LedgerId.parse("ds").explain("dataset x does not exist"))
        .isEqualTo("dataset x does not exist (the id is keccak256(\"ds\"))");
    String hex = "0x" + "01".repeat(32);
    assertThat(LedgerId.parse(hex).explain("gone")).isEqualTo("gone");
  }

  @Test
  void hashOptionsTakeExactlySixtyFourHexDigits() {
    LedgerId.HashConverter converter = new LedgerId.HashConverter();

    assertThat(converter.convert("0x" + "0f".repeat(32)))
        .isEqualTo(Bytes.fromHexString("0f".repeat(32)));
    assertThatThrownBy(() -> converter.convert("mnist"))
        .hasMessageContaining("0x and 64 hex digits");
  }
}

package org.ailedger.cli.gov;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import org.ailedger.cli.client.Output;
import org.junit.jupiter.api.Test;

class VoteWeightTest {
  @Test
  void theSquareRootIsRoundedDownAndBelowTheCapCounts() {
    VoteWeight weight = VoteWeight.of(BigInteger.valueOf(99), BigInteger.valueOf(20));

    assertThat(weight.root()).isEqualTo(9);
    assertThat(weight.weight()).isEqualTo(9);
    assertThat(weight.heldAtCap()).isFalse();
  }

  @Test
  void aRootAboveTheCapIsHeldAtTheCap() {
    VoteWeight weight = VoteWeight.of(BigInteger.valueOf(10_000), BigInteger.valueOf(40));

    assertThat(weight.root()).isEqualTo(100);
    assertThat(weight.weight()).isEqualTo(40);
    assertThat(weight.heldAtCap()).isTrue();
  }

  @Test
  void aRootEqualToTheCapIsNotCapped() {
    assertThat(VoteWeight.of(BigInteger.valueOf(1_600), BigInteger.valueOf(40)).heldAtCap())
        .isFalse();
  }

  @Test
  void theDescriptionShowsTokensBaseUnitsAndTheRule() {
    BigInteger raw = BigInteger.valueOf(4).multiply(BigInteger.TEN.pow(18));

    ObjectNode json =
        VoteWeight.of(raw, BigInteger.valueOf(1_000_000_000)).describe(Output.object());

    assertThat(json.get("rawBalance").asText()).isEqualTo("4");
    assertThat(json.get("rawBalanceBaseUnits").asText()).isEqualTo("4000000000000000000");
    assertThat(json.get("squareRoot").asText()).isEqualTo("2000000000");
    assertThat(json.get("weight").asText()).isEqualTo("1000000000");
    assertThat(json.get("rule").asText())
        .isEqualTo(
            "min(isqrt(4000000000000000000), 1000000000) = min(2000000000, 1000000000) = 1000000000,"
                + " held at the cap");
  }
}

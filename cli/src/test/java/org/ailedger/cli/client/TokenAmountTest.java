package org.ailedger.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class TokenAmountTest {
  private static final BigInteger TOKEN = BigInteger.TEN.pow(18);

  @Test
  void decimalTokensBecomeExactBaseUnits() {
    assertThat(TokenAmount.parse("12.5").baseUnits())
        .isEqualTo(TOKEN.multiply(BigInteger.valueOf(125)).divide(BigInteger.TEN));
    assertThat(TokenAmount.parse("1000").baseUnits())
        .isEqualTo(TOKEN.multiply(BigInteger.valueOf(1000)));
    assertThat(TokenAmount.parse("0.000000000000000001").baseUnits()).isEqualTo(BigInteger.ONE);
    assertThat(TokenAmount.parse("0").baseUnits()).isZero();
  }

  @Test
  void trailingZerosBeyondEighteenDecimalsChangeNothingAndAreAccepted() {
    assertThat(TokenAmount.parse("1.50000000000000000000").baseUnits())
        .isEqualTo(TOKEN.multiply(BigInteger.valueOf(3)).divide(BigInteger.TWO));
  }

  @Test
  void moreThanEighteenSignificantDecimalsAreRefusedNotRounded() {
    assertThatThrownBy(() -> TokenAmount.parse("0.0000000000000000015"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than 18 decimals");
  }

  @Test
  void onlyPlainNonNegativeDecimalsParse() {
    for (String bad : new String[] {"-1", "1e3", "", ".5", "5.", "1,5", " 1", "0x10"}) {
      assertThatThrownBy(() -> TokenAmount.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void amountsAboveAUint256AreRefused() {
    BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    assertThat(TokenAmount.parse(new BigDecimal(max, 18).toPlainString()).baseUnits())
        .isEqualTo(max);
    assertThatThrownBy(
            () -> TokenAmount.parse(new BigDecimal(max.add(BigInteger.ONE), 18).toPlainString()))
        .hasMessageContaining("exceed a uint256");
  }

  @Test
  void printsDecimalTokensWithoutTrailingZeros() {
    assertThat(TokenAmount.ofBaseUnits(TOKEN.multiply(BigInteger.valueOf(75))).toString())
        .isEqualTo("75");
    assertThat(
            TokenAmount.ofBaseUnits(TOKEN.multiply(BigInteger.valueOf(75)).divide(BigInteger.TEN))
                .toString())
        .isEqualTo("7.5");
    assertThat(TokenAmount.ofBaseUnits(BigInteger.ONE).toString())
        .isEqualTo("0.000000000000000001");
    assertThat(TokenAmount.ofBaseUnits(BigInteger.ZERO).toString()).isEqualTo("0");
    assertThat(TokenAmount.ofBaseUnits(TOKEN.multiply(BigInteger.valueOf(1_000_000))).toString())
        .isEqualTo("1000000");
  }

  @Test
  void parsingThenPrintingGivesTheCanonicalForm() {
    for (String text : new String[] {"12.5", "0.1", "3", "123456789.000000000000000001"}) {
      assertThat(TokenAmount.parse(text).toString()).isEqualTo(text);
    }
    assertThat(TokenAmount.parse("007.50").toString()).isEqualTo("7.5");
  }
}

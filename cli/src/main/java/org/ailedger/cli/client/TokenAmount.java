package org.ailedger.cli.client;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * An amount of ACT in base units. People read and type decimal tokens ("12.5"); the chain counts
 * base units of 10^-18 tokens. The conversion is exact both ways: an amount that would need
 * rounding is refused, never rounded.
 */
public record TokenAmount(BigInteger baseUnits) {
  public static final int DECIMALS = 18;
  private static final BigInteger MAX_UINT256 =
      BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
  private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");

  public TokenAmount {
    if (baseUnits == null || baseUnits.signum() < 0 || baseUnits.compareTo(MAX_UINT256) > 0) {
      throw new IllegalArgumentException(
          "a token amount is a uint256 of base units, got " + baseUnits);
    }
  }

  /**
   * Parses decimal tokens, e.g. {@code 12.5} or {@code 0.000000000000000001}.
   *
   * @throws IllegalArgumentException for anything but plain digits with at most 18 decimals
   */
  public static TokenAmount parse(String tokens) {
    if (tokens == null || !DECIMAL.matcher(tokens).matches()) {
      throw new IllegalArgumentException(
          "a token amount is a decimal number like 12.5, got '" + tokens + "'");
    }
    BigDecimal value = new BigDecimal(tokens).stripTrailingZeros();
    if (value.scale() > DECIMALS) {
      throw new IllegalArgumentException(
          "'"
              + tokens
              + "' has more than "
              + DECIMALS
              + " decimals; the token's smallest unit is 0.000000000000000001");
    }
    BigInteger units = value.movePointRight(DECIMALS).toBigIntegerExact();
    if (units.compareTo(MAX_UINT256) > 0) {
      throw new IllegalArgumentException("'" + tokens + "' tokens exceed a uint256");
    }
    return new TokenAmount(units);
  }

  public static TokenAmount ofBaseUnits(BigInteger baseUnits) {
    return new TokenAmount(baseUnits);
  }

  /** Decimal tokens without trailing zeros: {@code 12.5}, {@code 1000}, {@code 0}. */
  @Override
  public String toString() {
    BigDecimal tokens = new BigDecimal(baseUnits, DECIMALS).stripTrailingZeros();
    return tokens.signum() == 0 ? "0" : tokens.toPlainString();
  }

  /** For picocli options. */
  public static final class Converter implements CommandLine.ITypeConverter<TokenAmount> {
    @Override
    public TokenAmount convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}

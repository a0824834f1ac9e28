package org.ailedger.cli.gov;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;
import org.ailedger.cli.client.TokenAmount;
import org.ailedger.precompiles.governance.Parameter;
import picocli.CommandLine;

/**
 * The governed parameters as people name and value them: {@code capBps 1500} in basis points,
 * {@code votingPeriod 30} in blocks, {@code maxRewardPerRound 500} in decimal tokens, while the
 * chain stores every value as a uint256 (tokens in base units). The bounds are the contract's to
 * check; a value it refuses comes back with its reason.
 */
final class ParameterValues {
  private static final Pattern WHOLE = Pattern.compile("[0-9]+");
  private static final BigInteger MAX_UINT256 =
      BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  private ParameterValues() {}

  /** What a parameter counts. */
  enum Unit {
    BASIS_POINTS("basis points"),
    BLOCKS("blocks"),
    TOKENS("ACT");

    private final String label;

    Unit(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  static Unit unit(Parameter parameter) {
    return switch (parameter) {
      case CAP_BPS, QUORUM_BPS -> Unit.BASIS_POINTS;
      case VOTING_DELAY, VOTING_PERIOD, TIMELOCK_BLOCKS -> Unit.BLOCKS;
      case PROPOSAL_THRESHOLD, MAX_REWARD_PER_ROUND -> Unit.TOKENS;
    };
  }

  /** By its on-chain name, ignoring case: {@code capBps}, {@code capbps}. */
  static Parameter parameter(String name) {
    for (Parameter parameter : Parameter.values()) {
      if (parameter.label().toLowerCase(Locale.ROOT).equals(name.trim().toLowerCase(Locale.ROOT))) {
        return parameter;
      }
    }
    throw new IllegalArgumentException(
        "unknown parameter '" + name + "'; parameters are " + Parameter.labels());
  }

  /**
   * The uint256 a SetParameter proposal carries for {@code text}: decimal tokens for token amounts,
   * a whole number otherwise.
   */
  static BigInteger parse(Parameter parameter, String text) {
    return switch (unit(parameter)) {
      case TOKENS -> {
        try {
          yield TokenAmount.parse(text).baseUnits();
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              parameter.label() + " is an amount of ACT: " + e.getMessage());
        }
      }
      case BASIS_POINTS, BLOCKS -> {
        if (!WHOLE.matcher(text).matches() || new BigInteger(text).compareTo(MAX_UINT256) > 0) {
          throw new IllegalArgumentException(
              parameter.label()
                  + " takes a whole number of "
                  + unit(parameter).label()
                  + ", got '"
                  + text
                  + "'");
        }
        yield new BigInteger(text);
      }
    };
  }

  /** The value as typed back: decimal tokens for token amounts, the number otherwise. */
  static String format(Parameter parameter, BigInteger value) {
    return switch (unit(parameter)) {
      case TOKENS -> TokenAmount.ofBaseUnits(value).toString();
      case BASIS_POINTS, BLOCKS -> value.toString();
    };
  }

  /** Converts {@code --name}. */
  static final class NameConverter implements CommandLine.ITypeConverter<Parameter> {
    @Override
    public Parameter convert(String value) {
      try {
        return parameter(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}

package org.ailedger.cli.model;

import java.math.BigInteger;
import org.ailedger.cli.client.Accounts;
import org.ailedger.types.Address;
import picocli.CommandLine;

/** One accepted update of a finalization: {@code ADDR[=WEIGHT]}, weight 1 if not given. */
record Acceptance(Address contributor, BigInteger weight) {
  Acceptance {
    if (contributor == null || weight == null || weight.signum() <= 0) {
      throw new IllegalArgumentException("an accepted contributor needs a positive weight");
    }
  }

  static Acceptance parse(String argument) {
    int eq = argument.indexOf('=');
    Address contributor = Accounts.address(eq < 0 ? argument : argument.substring(0, eq));
    if (eq < 0) {
      return new Acceptance(contributor, BigInteger.ONE);
    }
    String weight = argument.substring(eq + 1);
    if (!weight.matches("[0-9]+") || new BigInteger(weight).signum() == 0) {
      throw new IllegalArgumentException(
          "a weight is a positive whole number, got '" + weight + "'");
    }
    return new Acceptance(contributor, new BigInteger(weight));
  }

  static final class Converter implements CommandLine.ITypeConverter<Acceptance> {
    @Override
    public Acceptance convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}

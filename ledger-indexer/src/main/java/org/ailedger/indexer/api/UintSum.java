package org.ailedger.indexer.api;

import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.ailedger.indexer.store.Engine;

/**
 * An exact SQL sum of a 256-bit integer column on either engine. PostgreSQL sums NUMERIC exactly.
 * SQLite keeps the decimal digits as text and its integers stop at 64 bits, so the sum is taken in
 * 9-digit slices (each below 10^9, so 9 billion rows fit in a 64-bit sum) recombined here.
 */
final class UintSum {
  /** Slices of 9 digits cover the 78 digits of a 256-bit integer. */
  private static final int SLICES = 9;

  private static final int DIGITS = 9;
  private static final BigInteger SLICE_BASE = BigInteger.TEN.pow(DIGITS);

  private UintSum() {}

  /**
   * The SELECT terms that sum {@code column}, named after {@code alias}; read with {@link #read}.
   */
  static String terms(Engine engine, String column, String alias) {
    return switch (engine) {
      case POSTGRESQL -> "SUM(" + column + ") AS " + alias;
      case SQLITE -> {
        StringBuilder terms = new StringBuilder();
        for (int slice = 0; slice < SLICES; slice++) {
          if (slice > 0) {
            terms.append(", ");
          }
          terms
              .append("SUM(CAST(substr(")
              .append(column)
              .append(", ")
              .append(-DIGITS * (slice + 1))
              .append(", ")
              .append(DIGITS)
              .append(") AS INTEGER)) AS ")
              .append(alias)
              .append('_')
              .append(slice);
        }
        yield terms.toString();
      }
    };
  }

  /**
   * A total kept as sums of 9-digit slices in columns {@code prefix0} to {@code prefix8}, lowest
   * first, as the writer keeps a radius's reward totals; a slice sum may exceed 9 digits.
   */
  static BigInteger fromSlices(ResultSet row, String prefix) throws SQLException {
    BigInteger sum = BigInteger.ZERO;
    for (int slice = SLICES - 1; slice >= 0; slice--) {
      sum = sum.multiply(SLICE_BASE).add(BigInteger.valueOf(row.getLong(prefix + slice)));
    }
    return sum;
  }

  /** The sum the terms of {@code alias} computed; zero over no rows. */
  static BigInteger read(Engine engine, ResultSet row, String alias) throws SQLException {
    return switch (engine) {
      case POSTGRESQL -> {
        BigInteger sum = engine.readUint(row, alias);
        yield sum == null ? BigInteger.ZERO : sum;
      }
      case SQLITE -> {
        BigInteger sum = BigInteger.ZERO;
        for (int slice = SLICES - 1; slice >= 0; slice--) {
          sum = sum.multiply(SLICE_BASE).add(BigInteger.valueOf(row.getLong(alias + "_" + slice)));
        }
        yield sum;
      }
    };
  }
}

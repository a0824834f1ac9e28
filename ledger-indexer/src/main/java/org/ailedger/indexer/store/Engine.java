package org.ailedger.indexer.store;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The two SQL engines the one schema runs on. They differ only in how a 256-bit integer is stored:
 * PostgreSQL has exact NUMERIC, SQLite's numbers end at 64 bits (larger ones turn into lossy REAL),
 * so there it is TEXT holding the decimal digits.
 */
public enum Engine {
  SQLITE("TEXT"),
  POSTGRESQL("NUMERIC(78,0)");

  private final String uintType;

  Engine(String uintType) {
    this.uintType = uintType;
  }

  /** The column type the migrations' {@code ${uint}} placeholder stands for. */
  public String uintType() {
    return uintType;
  }

  void bindUint(PreparedStatement statement, int index, BigInteger value) throws SQLException {
    switch (this) {
      case SQLITE -> statement.setString(index, value.toString());
      case POSTGRESQL -> statement.setBigDecimal(index, new BigDecimal(value));
    }
  }

  /** Reads a 256-bit integer column back exactly, whichever type the engine stores it as. */
  public BigInteger readUint(ResultSet row, String column) throws SQLException {
    return switch (this) {
      case SQLITE -> {
        String digits = row.getString(column);
        yield digits == null ? null : new BigInteger(digits);
      }
      case POSTGRESQL -> {
        BigDecimal value = row.getBigDecimal(column);
        yield value == null ? null : value.toBigIntegerExact();
      }
    };
  }
}

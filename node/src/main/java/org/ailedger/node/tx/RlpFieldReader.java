package org.ailedger.node.tx;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLPException;
import org.apache.tuweni.rlp.RLPReader;

/**
 * Reads the items of one RLP list as named fields, strictly: canonical integers only, exact or
 * bounded sizes, no missing and no extra items. Every failure names the field, so a client learns
 * exactly what is wrong with the bytes it sent.
 */
final class RlpFieldReader {
  private final RLPReader reader;
  private final String where;

  /**
   * @param reader positioned at the first item inside the list
   * @param where names the list in messages, e.g. "the EIP-1559 transaction" or "accessList[2]"
   */
  RlpFieldReader(RLPReader reader, String where) {
    this.reader = reader;
    this.where = where;
  }

  /** Any byte string. */
  Bytes bytes(String field) {
    present(field);
    if (reader.nextIsList()) {
      throw malformed(field + " of " + where + " must be a byte string, got a list");
    }
    try {
      return reader.readValue(false);
    } catch (RLPException e) {
      throw malformed(field + " of " + where + ": " + e.getMessage());
    }
  }

  /** A byte string of exactly {@code size} bytes; {@code what} names it, e.g. "an address". */
  Bytes fixed(String field, int size, String what) {
    return checkSize(field, bytes(field), size, what);
  }

  /**
   * A canonical unsigned integer (no leading zero byte; zero is the empty string) of at most {@code
   * maxBytes} bytes; a longer one is refused with the reason {@code tooLong}.
   */
  BigInteger unsigned(String field, int maxBytes, RejectionReason tooLong) {
    Bytes value = bytes(field);
    if (!value.isEmpty() && value.get(0) == 0) {
      throw malformed(
          field + " of " + where + " has a leading zero byte; integers must be minimally encoded");
    }
    if (value.size() > maxBytes) {
      throw new DecodingFailure(
          tooLong,
          field
              + " of "
              + where
              + " has "
              + value.size()
              + " bytes; it is an unsigned integer of at most "
              + maxBytes
              + " bytes");
    }
    return value.toUnsignedBigInteger();
  }

  /** A list whose items are lists of fields, each read by {@code item} and then required to end. */
  <T> List<T> listOfLists(String field, Function<RlpFieldReader, T> item) {
    return list(
        field,
        (inner, name) -> {
          if (!inner.nextIsList()) {
            throw malformed(name + " must be a list, got a byte string");
          }
          return inner.readList(
              false,
              itemReader -> {
                RlpFieldReader fields = new RlpFieldReader(itemReader, name);
                T result = item.apply(fields);
                fields.end();
                return result;
              });
        });
  }

  /** A list of byte strings of exactly {@code size} bytes each. */
  List<Bytes> listOfFixed(String field, int size, String what) {
    return list(
        field,
        (inner, name) -> {
          if (inner.nextIsList()) {
            throw malformed(name + " must be a byte string, got a list");
          }
          return checkSize(name, inner.readValue(false), size, what);
        });
  }

  /** Requires that every item of the list has been read. */
  void end() {
    if (!reader.isComplete()) {
      throw malformed(where + " has more items than its fields");
    }
  }

  private interface Item<T> {
    T read(RLPReader reader, String name);
  }

  private <T> List<T> list(String field, Item<T> item) {
    present(field);
    if (!reader.nextIsList()) {
      throw malformed(field + " of " + where + " must be a list, got a byte string");
    }
    try {
      return reader.readList(
          false,
          inner -> {
            List<T> items = new ArrayList<>();
            while (!inner.isComplete()) {
              items.add(item.read(inner, field + "[" + items.size() + "]"));
            }
            return items;
          });
    } catch (RLPException e) {
      throw malformed(field + " of " + where + ": " + e.getMessage());
    }
  }

  private Bytes checkSize(String field, Bytes value, int size, String what) {
    if (value.size() != size) {
      throw malformed(
          field + " of " + where + " has " + value.size() + " bytes; " + what + " has " + size);
    }
    return value;
  }

  private void present(String field) {
    if (reader.isComplete()) {
      throw malformed(where + " ends before its field " + field);
    }
  }

  private static DecodingFailure malformed(String message) {
    return new DecodingFailure(RejectionReason.MALFORMED, message);
  }
}

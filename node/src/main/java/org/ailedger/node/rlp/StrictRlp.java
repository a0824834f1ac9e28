package org.ailedger.node.rlp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLP;
import org.apache.tuweni.rlp.RLPException;
import org.apache.tuweni.rlp.RLPReader;

/**
 * Decoding of one whole RLP list. Tuweni's {@code RLP.decodeList} ignores bytes after the list and
 * items the reader leaves unread; for data from peers, clients or disk both mean the bytes are not
 * what they claim to be, so here both are errors.
 */
public final class StrictRlp {
  private StrictRlp() {}

  /**
   * @throws IllegalArgumentException naming {@code what} when the bytes are not exactly one list
   *     that {@code fields} reads completely
   */
  public static <T> T decodeList(Bytes rlp, String what, Function<RLPReader, T> fields) {
    try {
      return RLP.decode(
          rlp,
          outer -> {
            if (!outer.nextIsList()) {
              throw new IllegalArgumentException(what + " must be an RLP list");
            }
            T value =
                outer.readList(
                    inner -> {
                      T v = fields.apply(inner);
                      if (!inner.isComplete()) {
                        throw new IllegalArgumentException(what + " has trailing fields");
                      }
                      return v;
                    });
            if (!outer.isComplete()) {
              throw new IllegalArgumentException(what + " is followed by trailing bytes");
            }
            return value;
          });
    } catch (RLPException e) {
      throw new IllegalArgumentException("malformed " + what + ": " + e.getMessage(), e);
    }
  }

  /**
   * The raw encoding of each item of exactly one RLP list, for lists whose items are decoded by
   * different codecs (a block's header and transactions; typed and legacy transactions side by
   * side). Length prefixes must be canonical; the items themselves are left to their decoders.
   *
   * @throws IllegalArgumentException naming {@code what} when the bytes are not exactly one list
   */
  public static List<Bytes> listItems(Bytes rlp, String what) {
    Item outer = item(rlp, 0, what);
    if (!outer.list()) {
      throw new IllegalArgumentException(what + " must be an RLP list");
    }
    if (outer.end() != rlp.size()) {
      throw new IllegalArgumentException(what + " is followed by trailing bytes");
    }
    List<Bytes> items = new ArrayList<>();
    int at = outer.payloadStart();
    while (at < outer.end()) {
      Item inner = item(rlp, at, what);
      if (inner.end() > outer.end()) {
        throw new IllegalArgumentException(what + " has an item running past its end");
      }
      items.add(rlp.slice(at, inner.end() - at));
      at = inner.end();
    }
    return items;
  }

  private record Item(boolean list, int payloadStart, int end) {}

  private static Item item(Bytes rlp, int at, String what) {
    if (at >= rlp.size()) {
      throw new IllegalArgumentException("malformed " + what + ": no item at byte " + at);
    }
    int prefix = rlp.get(at) & 0xFF;
    if (prefix < 0x80) {
      return new Item(false, at, at + 1);
    }
    boolean list = prefix >= 0xC0;
    int base = list ? 0xC0 : 0x80;
    int shortLength = prefix - base;
    if (shortLength <= 55) {
      return checked(rlp, list, at + 1, shortLength, what);
    }
    int lengthBytes = shortLength - 55;
    if (lengthBytes > 4 || at + 1 + lengthBytes > rlp.size()) {
      throw new IllegalArgumentException("malformed " + what + ": bad length at byte " + at);
    }
    if (rlp.get(at + 1) == 0) {
      throw new IllegalArgumentException("malformed " + what + ": length with a leading zero");
    }
    long length = rlp.slice(at + 1, lengthBytes).toLong();
    if (length <= 55 || length > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("malformed " + what + ": non-canonical length");
    }
    return checked(rlp, list, at + 1 + lengthBytes, (int) length, what);
  }

  private static Item checked(Bytes rlp, boolean list, int payloadStart, int length, String what) {
    long end = (long) payloadStart + length;
    if (end > rlp.size()) {
      throw new IllegalArgumentException("malformed " + what + ": item longer than its input");
    }
    return new Item(list, payloadStart, (int) end);
  }
}

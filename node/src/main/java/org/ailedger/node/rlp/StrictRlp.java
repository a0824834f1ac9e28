package org.ailedger.node.rlp;

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
   * side). The whole is parsed strictly by {@link RlpItem}; the items are left to their decoders.
   *
   * @throws IllegalArgumentException naming {@code what} when the bytes are not exactly one list
   */
  public static List<Bytes> listItems(Bytes rlp, String what) {
    RlpItem parsed;
    try {
      parsed = RlpItem.parse(rlp);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("malformed " + what + ": " + e.getMessage(), e);
    }
    if (!(parsed instanceof RlpItem.ListItem list)) {
      throw new IllegalArgumentException(what + " must be an RLP list");
    }
    return list.items().stream().map(RlpItem::raw).toList();
  }
}

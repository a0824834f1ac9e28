package org.ailedger.node.rlp;

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
}

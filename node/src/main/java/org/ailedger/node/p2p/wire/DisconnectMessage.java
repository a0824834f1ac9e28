package org.ailedger.node.p2p.wire;

import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLP;
import org.apache.tuweni.rlp.RLPException;
import org.apache.tuweni.rlp.RLPReader;

/**
 * {@code [reason]}. The raw code is kept: a peer may send one devp2p does not define, and the owner
 * should still see what it was.
 */
public record DisconnectMessage(int code) {
  public DisconnectMessage {
    if (code < 0 || code > 0xFF) {
      throw new IllegalArgumentException("a disconnect code is one byte: " + code);
    }
  }

  public static DisconnectMessage of(DisconnectReason reason) {
    return new DisconnectMessage(reason.code());
  }

  public Optional<DisconnectReason> reason() {
    return DisconnectReason.fromCode(code);
  }

  public Bytes encode() {
    return RLP.encodeList(w -> w.writeInt(code));
  }

  /**
   * Reads {@code [reason]}, and also the forms clients send in practice: an empty list (no reason,
   * read as {@link DisconnectReason#REQUESTED}) and a bare integer without the list.
   *
   * @throws IllegalArgumentException when the bytes are none of these
   */
  public static DisconnectMessage decode(Bytes rlp) {
    try {
      return RLP.decode(
          rlp,
          r -> {
            if (!r.nextIsList()) {
              return new DisconnectMessage(readCode(r));
            }
            return r.readList(
                inner ->
                    new DisconnectMessage(
                        inner.isComplete() ? DisconnectReason.REQUESTED.code() : readCode(inner)));
          });
    } catch (RLPException e) {
      throw new IllegalArgumentException("malformed Disconnect: " + e.getMessage(), e);
    }
  }

  private static int readCode(RLPReader r) {
    int code = r.readInt();
    if (code < 0 || code > 0xFF) {
      throw new IllegalArgumentException("disconnect code out of range: " + code);
    }
    return code;
  }
}

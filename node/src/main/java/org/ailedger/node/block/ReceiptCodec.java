package org.ailedger.node.block;

import java.util.List;
import java.util.Optional;
import org.ailedger.node.tx.TransactionType;
import org.ailedger.types.Address;
import org.ailedger.types.Log;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.rlp.RLP;
import org.apache.tuweni.rlp.RLPReader;
import org.apache.tuweni.rlp.RLPWriter;

/**
 * Receipt encodings: the consensus form that goes into the receipts root (EIP-2718 typed or legacy
 * list), and the storage form that adds the sender and the revert data.
 */
public final class ReceiptCodec {
  private ReceiptCodec() {}

  /** {@code [type byte ||] RLP([status, cumulativeGasUsed, bloom, logs])}. */
  public static Bytes encodeForRoot(TransactionReceipt receipt) {
    Bytes body =
        RLP.encodeList(
            w -> {
              w.writeValue(receipt.success() ? Bytes.of(1) : Bytes.EMPTY);
              w.writeLong(receipt.cumulativeGasUsed());
              w.writeValue(receipt.bloom().bytes());
              w.writeList(receipt.logs(), ReceiptCodec::writeLog);
            });
    return receipt.type() == TransactionType.LEGACY
        ? body
        : Bytes.concatenate(Bytes.of((byte) receipt.type().typeByte()), body);
  }

  /** The stored form of a block's receipts. */
  public static Bytes encodeForStorage(List<TransactionReceipt> receipts) {
    return RLP.encodeList(
        receipts,
        (w, r) ->
            w.writeList(
                rw -> {
                  rw.writeInt(r.type().rpcType());
                  rw.writeInt(r.success() ? 1 : 0);
                  rw.writeLong(r.cumulativeGasUsed());
                  rw.writeList(r.logs(), ReceiptCodec::writeLog);
                  rw.writeValue(r.sender().bytes());
                  rw.writeList(dw -> r.revertData().ifPresent(dw::writeValue));
                }));
  }

  public static List<TransactionReceipt> decodeFromStorage(Bytes rlp) {
    return RLP.decodeToList(
        rlp,
        r ->
            r.readList(
                rr -> {
                  TransactionType type = typeOf(rr.readInt());
                  boolean success = rr.readInt() == 1;
                  long cumulative = rr.readLong();
                  List<Log> logs = rr.readListContents(ReceiptCodec::readLog);
                  Address sender = new Address(rr.readValue());
                  Optional<Bytes> revert =
                      rr.readList(
                          dr ->
                              dr.isComplete()
                                  ? Optional.<Bytes>empty()
                                  : Optional.of(dr.readValue()));
                  return new TransactionReceipt(
                      type, success, cumulative, LogsBloom.of(logs), logs, sender, revert);
                }));
  }

  private static TransactionType typeOf(int rpcType) {
    for (TransactionType t : TransactionType.values()) {
      if (t.rpcType() == rpcType) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown stored receipt type " + rpcType);
  }

  private static void writeLog(RLPWriter w, Log log) {
    w.writeList(
        lw -> {
          lw.writeValue(log.address().bytes());
          lw.writeList(log.topics(), RLPWriter::writeValue);
          lw.writeValue(log.data());
        });
  }

  private static Log readLog(RLPReader r) {
    return r.readList(
        lr ->
            new Log(
                new Address(lr.readValue()),
                lr.readListContents(tr -> Bytes32.wrap(tr.readValue())),
                lr.readValue()));
  }
}

package org.ailedger.node.tx;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLP;
import org.apache.tuweni.rlp.RLPWriter;

/** Canonical encodings of a transaction: the signed envelope and the payload that is signed. */
public final class TransactionEncoder {
  private TransactionEncoder() {}

  /** The signed EIP-2718 envelope, as sent to {@code eth_sendRawTransaction}. */
  public static Bytes encode(Transaction tx) {
    return switch (tx.type()) {
      case LEGACY ->
          RLP.encodeList(
              w -> {
                writeLegacyFields(w, tx);
                w.writeBigInteger(legacyV(tx));
                writeRs(w, tx.signature());
              });
      case ACCESS_LIST, EIP1559 ->
          Bytes.concatenate(
              Bytes.of((byte) tx.type().typeByte()),
              RLP.encodeList(
                  w -> {
                    writeTypedFields(w, tx);
                    w.writeInt(tx.signature().recId());
                    writeRs(w, tx.signature());
                  }));
    };
  }

  /** The bytes whose keccak256 the sender signs (EIP-155 for legacy, EIP-2718 for typed). */
  public static Bytes signingPayload(Transaction tx) {
    return switch (tx.type()) {
      case LEGACY ->
          RLP.encodeList(
              w -> {
                writeLegacyFields(w, tx);
                if (tx.chainId().isPresent()) {
                  w.writeLong(tx.chainId().getAsLong());
                  w.writeInt(0);
                  w.writeInt(0);
                }
              });
      case ACCESS_LIST, EIP1559 ->
          Bytes.concatenate(
              Bytes.of((byte) tx.type().typeByte()), RLP.encodeList(w -> writeTypedFields(w, tx)));
    };
  }

  /** The legacy {@code v}: 27/28 before EIP-155, {@code chainId·2 + 35 + recId} after. */
  public static BigInteger legacyV(Transaction tx) {
    int recId = tx.signature().recId();
    if (tx.chainId().isEmpty()) {
      return BigInteger.valueOf(27L + recId);
    }
    return BigInteger.valueOf(tx.chainId().getAsLong())
        .shiftLeft(1)
        .add(BigInteger.valueOf(35L + recId));
  }

  private static void writeLegacyFields(RLPWriter w, Transaction tx) {
    w.writeLong(tx.nonce());
    w.writeUInt256(tx.gasPrice());
    w.writeLong(tx.gasLimit());
    w.writeValue(tx.to().map(a -> a.bytes()).orElse(Bytes.EMPTY));
    w.writeUInt256(tx.value());
    w.writeValue(tx.data());
  }

  private static void writeTypedFields(RLPWriter w, Transaction tx) {
    w.writeLong(tx.chainId().orElseThrow());
    w.writeLong(tx.nonce());
    if (tx.type() == TransactionType.EIP1559) {
      w.writeUInt256(tx.maxPriorityFeePerGas());
      w.writeUInt256(tx.maxFeePerGas());
    } else {
      w.writeUInt256(tx.gasPrice());
    }
    w.writeLong(tx.gasLimit());
    w.writeValue(tx.to().map(a -> a.bytes()).orElse(Bytes.EMPTY));
    w.writeUInt256(tx.value());
    w.writeValue(tx.data());
    w.writeList(
        tx.accessList(),
        (lw, entry) ->
            lw.writeList(
                ew -> {
                  ew.writeValue(entry.address().bytes());
                  ew.writeList(entry.storageKeys(), (kw, key) -> kw.writeValue(key));
                }));
  }

  private static void writeRs(RLPWriter w, Signature signature) {
    w.writeBigInteger(signature.r());
    w.writeBigInteger(signature.s());
  }
}

package org.ailedger.node.chain;

import java.util.List;
import org.ailedger.node.tx.DecodeResult;
import org.ailedger.node.tx.Transaction;
import org.ailedger.node.tx.TransactionDecoder;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.rlp.RLP;

/** Keys and values of the chain's column families. */
final class ChainStorageCodec {
  static final Bytes HEAD_KEY =
      Bytes.wrap("head".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  static final Bytes GENESIS_KEY =
      Bytes.wrap("genesis".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

  private ChainStorageCodec() {}

  static Bytes numberKey(long number) {
    return Bytes.ofUnsignedLong(number);
  }

  /** A body is stored as the list of each transaction's EIP-2718 envelope. */
  static Bytes encodeBody(List<Transaction> transactions) {
    return RLP.encodeList(transactions, (w, tx) -> w.writeValue(tx.encoded()));
  }

  static List<Transaction> decodeBody(Bytes rlp) {
    return RLP.decodeToList(
        rlp,
        r ->
            switch (TransactionDecoder.decode(r.readValue())) {
              case DecodeResult.Decoded d -> d.transaction();
              // only validated transactions are ever stored: this is corruption, not bad input
              case DecodeResult.Invalid i ->
                  throw new IllegalStateException(
                      "stored transaction is unreadable: " + i.rejection().message());
            });
  }

  static Bytes encodeLocation(TransactionLocation location) {
    return Bytes.concatenate(
        location.blockHash(),
        Bytes.ofUnsignedLong(location.blockNumber()),
        Bytes.ofUnsignedInt(location.index()));
  }

  static TransactionLocation decodeLocation(Bytes value) {
    return new TransactionLocation(
        Bytes32.wrap(value.slice(0, 32)), value.slice(32, 8).toLong(), value.slice(40, 4).toInt());
  }
}

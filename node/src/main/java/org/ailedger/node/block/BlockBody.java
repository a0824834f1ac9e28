package org.ailedger.node.block;

import java.util.ArrayList;
import java.util.List;
import org.ailedger.node.rlp.StrictRlp;
import org.ailedger.node.tx.DecodeResult;
import org.ailedger.node.tx.Transaction;
import org.ailedger.node.tx.TransactionDecoder;
import org.ailedger.node.tx.TransactionType;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLP;
import org.apache.tuweni.rlp.RLPException;
import org.apache.tuweni.rlp.RLPWriter;

/**
 * A block's transactions in the Ethereum wire form, {@code RLP([[transactions], [ommers]])}, as the
 * eth protocol's BlockBodies carries them: a typed transaction is the byte string of its EIP-2718
 * envelope, a legacy one the RLP list it is. This chain has no ommers and no withdrawals.
 */
public record BlockBody(List<Transaction> transactions) {
  private static final Bytes EMPTY_LIST = Bytes.of((byte) 0xC0);

  public BlockBody {
    transactions = List.copyOf(transactions);
  }

  public Bytes encode() {
    return RLP.encodeList(this::writeTo);
  }

  void writeTo(RLPWriter w) {
    w.writeRLP(encodeTransactions(transactions));
    w.writeList(ommers -> {});
  }

  static Bytes encodeTransactions(List<Transaction> transactions) {
    return RLP.encodeList(
        w -> {
          for (Transaction tx : transactions) {
            w.writeRLP(encodeTransaction(tx));
          }
        });
  }

  /**
   * @throws IllegalArgumentException with the reason when the bytes are not a body of this chain
   */
  public static BlockBody decode(Bytes rlp) {
    List<Bytes> items = StrictRlp.listItems(rlp, "block body");
    if (items.size() != 2) {
      throw new IllegalArgumentException(
          "a block body has 2 items (transactions, ommers), got " + items.size());
    }
    return new BlockBody(decodeTransactions(items.get(0), items.get(1)));
  }

  static List<Transaction> decodeTransactions(Bytes transactionList, Bytes ommers) {
    if (!ommers.equals(EMPTY_LIST)) {
      throw new IllegalArgumentException("a QBFT block has no ommers");
    }
    List<Transaction> transactions = new ArrayList<>();
    for (Bytes item : StrictRlp.listItems(transactionList, "transaction list")) {
      transactions.add(decodeTransaction(item, transactions.size()));
    }
    return transactions;
  }

  /**
   * One transaction as a list item of the wire form: a typed transaction's envelope as a byte
   * string, a legacy transaction as its list. The eth protocol's Transactions message carries
   * transactions the same way.
   */
  public static Bytes encodeTransaction(Transaction tx) {
    return tx.type() == TransactionType.LEGACY ? tx.encoded() : RLP.encodeValue(tx.encoded());
  }

  /**
   * @throws IllegalArgumentException naming transaction {@code index} when {@code item} is not a
   *     transaction of this chain in the wire form
   */
  public static Transaction decodeTransaction(Bytes item, int index) {
    Bytes raw;
    if (item.isEmpty()) {
      throw new IllegalArgumentException("transaction " + index + " is empty");
    }
    if ((item.get(0) & 0xFF) >= 0xC0) {
      raw = item;
    } else {
      try {
        raw = RLP.decodeValue(item);
      } catch (RLPException e) {
        throw new IllegalArgumentException(
            "transaction " + index + " is not one RLP item: " + e.getMessage(), e);
      }
      if (raw.isEmpty() || (raw.get(0) & 0xFF) >= 0xC0) {
        throw new IllegalArgumentException(
            "transaction " + index + " is a byte string but not a typed envelope");
      }
    }
    return switch (TransactionDecoder.decode(raw)) {
      case DecodeResult.Decoded d -> d.transaction();
      case DecodeResult.Invalid i ->
          throw new IllegalArgumentException(
              "transaction " + index + ": " + i.rejection().message());
    };
  }
}

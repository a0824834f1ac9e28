package org.ailedger.node.block;

import java.util.List;
import org.ailedger.node.rlp.StrictRlp;
import org.ailedger.node.tx.Transaction;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLP;

/** A header and its transactions. This chain has no ommers and no withdrawals. */
public record Block(BlockHeader header, List<Transaction> transactions) {
  public Block {
    if (header == null || transactions == null) {
      throw new IllegalArgumentException("block fields must not be null");
    }
    transactions = List.copyOf(transactions);
  }

  public long number() {
    return header.number();
  }

  public BlockBody body() {
    return new BlockBody(transactions);
  }

  /**
   * The Ethereum wire form, {@code RLP([header, [transactions], [ommers]])}, as NewBlock and a QBFT
   * proposal carry it; transactions as in {@link BlockBody}.
   */
  public Bytes encode() {
    return RLP.encodeList(
        w -> {
          w.writeRLP(header.encode());
          body().writeTo(w);
        });
  }

  /**
   * Decodes the wire form strictly: the header, every transaction (canonically encoded, of a
   * supported type) and an empty ommers list, nothing else.
   *
   * @throws IllegalArgumentException with the reason when the bytes are not a block of this chain
   */
  public static Block decode(Bytes rlp) {
    List<Bytes> items = StrictRlp.listItems(rlp, "block");
    if (items.size() != 3) {
      throw new IllegalArgumentException(
          "a block has 3 items (header, transactions, ommers), got " + items.size());
    }
    BlockHeader header = BlockHeader.decode(items.get(0));
    return new Block(header, BlockBody.decodeTransactions(items.get(1), items.get(2)));
  }
}

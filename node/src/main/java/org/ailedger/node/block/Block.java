package org.ailedger.node.block;

import java.util.ArrayList;
import java.util.List;
import org.ailedger.node.rlp.RlpItem;
import org.ailedger.node.tx.DecodeResult;
import org.ailedger.node.tx.Transaction;
import org.ailedger.node.tx.TransactionDecoder;
import org.ailedger.node.tx.TransactionType;
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

  /**
   * The Ethereum wire form {@code [header, [tx…], []]}, as eth/68 and QBFT proposals carry it: a
   * legacy transaction is its RLP list, a typed one (EIP-2718) a byte string holding its envelope.
   */
  public Bytes encode() {
    return RLP.encodeList(
        w -> {
          w.writeRLP(header.encode());
          w.writeList(
              transactions,
              (tw, tx) -> {
                if (tx.type() == TransactionType.LEGACY) {
                  tw.writeRLP(tx.encoded());
                } else {
                  tw.writeValue(tx.encoded());
                }
              });
          w.writeList(ommers -> {});
        });
  }

  /**
   * Decodes the wire form written by {@link #encode()}. Transactions are checked for shape only;
   * their signatures are the importer's business.
   *
   * @throws IllegalArgumentException with the reason when the bytes are not such a block
   */
  public static Block decode(Bytes rlp) {
    if (!(RlpItem.parse(rlp) instanceof RlpItem.ListItem block) || block.items().size() != 3) {
      throw new IllegalArgumentException("a block is a list of header, transactions and ommers");
    }
    BlockHeader header = BlockHeader.decode(block.items().get(0).raw());
    if (!(block.items().get(1) instanceof RlpItem.ListItem txs)) {
      throw new IllegalArgumentException("block transactions must be a list");
    }
    if (!(block.items().get(2) instanceof RlpItem.ListItem ommers) || !ommers.items().isEmpty()) {
      throw new IllegalArgumentException("this chain's blocks have no ommers");
    }
    List<Transaction> transactions = new ArrayList<>(txs.items().size());
    for (RlpItem item : txs.items()) {
      Bytes envelope =
          switch (item) {
            case RlpItem.ListItem legacy -> legacy.raw();
            case RlpItem.Value typed -> {
              // a byte string holding a list would give a legacy transaction a second encoding
              if (typed.value().isEmpty() || (typed.value().get(0) & 0xFF) > 0x7F) {
                throw new IllegalArgumentException(
                    "a typed transaction in a block starts with its type byte");
              }
              yield typed.value();
            }
          };
      switch (TransactionDecoder.decode(envelope)) {
        case DecodeResult.Decoded decoded -> transactions.add(decoded.transaction());
        case DecodeResult.Invalid invalid ->
            throw new IllegalArgumentException(
                "block transaction " + transactions.size() + ": " + invalid.rejection().message());
      }
    }
    return new Block(header, transactions);
  }
}

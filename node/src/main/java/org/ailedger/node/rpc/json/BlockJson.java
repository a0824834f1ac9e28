package org.ailedger.node.rpc.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.block.TransactionReceipt;
import org.ailedger.node.tx.Transaction;
import org.ailedger.node.tx.TransactionType;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.rlp.RLP;
import org.apache.tuweni.units.bigints.UInt256;

/** Blocks and headers in the shape of the execution-apis block schema. */
public final class BlockJson {
  private BlockJson() {}

  /** The header fields and hash: a {@code newHeads} notification, and the start of a block. */
  public static ObjectNode header(BlockHeader header) {
    ObjectNode json = RpcJson.object();
    json.put("hash", Hex.data(header.hash()));
    json.put("parentHash", Hex.data(header.parentHash()));
    json.put("sha3Uncles", Hex.data(header.ommersHash()));
    json.put("miner", Hex.address(header.coinbase()));
    json.put("stateRoot", Hex.data(header.stateRoot()));
    json.put("transactionsRoot", Hex.data(header.transactionsRoot()));
    json.put("receiptsRoot", Hex.data(header.receiptsRoot()));
    json.put("logsBloom", Hex.data(header.logsBloom().bytes()));
    json.put("difficulty", Hex.quantity(header.difficulty()));
    json.put("number", Hex.quantity(header.number()));
    json.put("gasLimit", Hex.quantity(header.gasLimit()));
    json.put("gasUsed", Hex.quantity(header.gasUsed()));
    json.put("timestamp", Hex.quantity(header.timestamp()));
    json.put("extraData", Hex.data(header.extraData()));
    json.put("mixHash", Hex.data(header.mixHash()));
    json.put("nonce", Hex.data(Bytes.ofUnsignedLong(header.nonce())));
    json.put("baseFeePerGas", Hex.quantity(header.baseFee()));
    return json;
  }

  /** A block whose {@code transactions} are the transaction hashes. */
  public static ObjectNode withTransactionHashes(Block block) {
    ObjectNode json = blockFields(block);
    ArrayNode txs = json.putArray("transactions");
    block.transactions().forEach(tx -> txs.add(Hex.data(tx.hash())));
    return json;
  }

  /**
   * A block whose {@code transactions} are full objects; the senders come from the receipts, so
   * nothing is recovered from signatures here.
   */
  public static ObjectNode withFullTransactions(Block block, List<TransactionReceipt> receipts) {
    if (receipts.size() != block.transactions().size()) {
      throw new IllegalStateException(
          "block "
              + block.number()
              + " has "
              + block.transactions().size()
              + " transactions but "
              + receipts.size()
              + " receipts");
    }
    ObjectNode json = blockFields(block);
    ArrayNode txs = json.putArray("transactions");
    Bytes32 hash = block.header().hash();
    for (int i = 0; i < block.transactions().size(); i++) {
      txs.add(
          TransactionJson.mined(
              block.transactions().get(i),
              receipts.get(i).sender(),
              hash,
              block.number(),
              block.header().timestamp(),
              i,
              block.header().baseFee()));
    }
    return json;
  }

  private static ObjectNode blockFields(Block block) {
    BlockHeader header = block.header();
    ObjectNode json = header(header);
    json.put("size", Hex.quantity(size(block)));
    json.put("totalDifficulty", Hex.quantity(totalDifficulty(header)));
    json.putArray("uncles");
    return json;
  }

  /** The length of the block's RLP {@code [header, transactions, ommers]}. */
  public static long size(Block block) {
    return RLP.encodeList(
            w -> {
              w.writeRLP(block.header().encode());
              w.writeList(
                  tw -> {
                    for (Transaction tx : block.transactions()) {
                      // a legacy transaction is itself an RLP list; a typed one is a byte string
                      if (tx.type() == TransactionType.LEGACY) {
                        tw.writeRLP(tx.encoded());
                      } else {
                        tw.writeValue(tx.encoded());
                      }
                    }
                  });
              w.writeList(ow -> {});
            })
        .size();
  }

  /**
   * QBFT gives every block, genesis included, the same difficulty (1), so the total difficulty of
   * block n is (n + 1) times it; this avoids summing the whole chain per request.
   */
  static UInt256 totalDifficulty(BlockHeader header) {
    return header.difficulty().multiply(UInt256.valueOf(header.number()).add(UInt256.ONE));
  }
}

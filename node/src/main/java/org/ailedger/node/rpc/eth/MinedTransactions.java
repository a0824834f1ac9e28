package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.TransactionReceipt;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.rpc.json.TransactionJson;
import org.apache.tuweni.bytes.Bytes32;

/** A committed transaction as JSON; its sender is read from the stored receipt. */
final class MinedTransactions {
  private MinedTransactions() {}

  /** Transaction {@code index} of the block, or JSON null when there is no such index. */
  static JsonNode at(ChainReader chain, Block block, long index) {
    if (index < 0 || index >= block.transactions().size()) {
      return NullNode.getInstance();
    }
    int i = (int) index;
    Bytes32 hash = block.header().hash();
    List<TransactionReceipt> receipts = chain.receipts(hash);
    if (receipts.size() != block.transactions().size()) {
      throw new IllegalStateException("receipts of block " + block.number() + " are missing");
    }
    return TransactionJson.mined(
        block.transactions().get(i),
        receipts.get(i).sender(),
        hash,
        block.number(),
        block.header().timestamp(),
        i,
        block.header().baseFee());
  }
}

package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Optional;
import org.ailedger.node.block.Block;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.rpc.json.BlockJson;

/** What the getBlockBy* methods share: one renderer, so both serve from the same recent blocks. */
public final class Blocks {
  private final ChainReader chain;
  private final RenderedBlocks rendered = new RenderedBlocks();

  public Blocks(ChainReader chain) {
    this.chain = chain;
  }

  /** The block JSON, or null: the execution-apis spec answers an unknown block with null. */
  JsonNode json(Optional<Block> block, boolean fullTransactions) {
    if (block.isEmpty()) {
      return NullNode.getInstance();
    }
    Block b = block.get();
    return fullTransactions
        ? BlockJson.withFullTransactions(b, chain.receipts(b.header().hash()))
        : rendered.withTransactionHashes(b);
  }
}

package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.ConcurrentSkipListMap;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.rpc.json.BlockJson;
import org.ailedger.node.rpc.json.RpcJson;

/**
 * The JSON of recent blocks with transaction hashes, rendered once: wallets and SDKs poll the
 * latest block over and over, and rendering it (block hash, size, hex of the bloom) cost far more
 * than finding it. QBFT blocks are final, so the block at a height does not change; an entry still
 * keeps its header and is rendered anew if another block turns up at its height.
 */
final class RenderedBlocks {
  /** The most recent heights kept; older blocks are rendered on each request. */
  static final int CAPACITY = 64;

  private record Entry(BlockHeader header, JsonNode json) {}

  private final ConcurrentSkipListMap<Long, Entry> byNumber = new ConcurrentSkipListMap<>();

  JsonNode withTransactionHashes(Block block) {
    Entry entry = byNumber.get(block.number());
    if (entry != null && (entry.header == block.header() || entry.header.equals(block.header()))) {
      return entry.json;
    }
    JsonNode json = RpcJson.raw(RpcJson.text(BlockJson.withTransactionHashes(block)));
    byNumber.put(block.number(), new Entry(block.header(), json));
    while (byNumber.size() > CAPACITY) {
      byNumber.pollFirstEntry();
    }
    return json;
  }
}

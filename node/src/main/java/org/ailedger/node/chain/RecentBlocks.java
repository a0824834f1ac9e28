package org.ailedger.node.chain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.TransactionReceipt;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The last few appended blocks with their receipts, as objects. Wallets poll the receipt of each
 * fresh transaction separately, and every answer needs the block and all its receipts (gas used and
 * log indexes count from the block's start); decoding them from storage for each of a full block's
 * thousands of transactions would cost more than executing the block. Entries are keyed by block
 * hash, so they never go stale.
 */
final class RecentBlocks {
  private record Recent(Block block, List<TransactionReceipt> receipts) {}

  private final Map<Bytes32, Recent> entries;

  RecentBlocks(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.entries =
        new LinkedHashMap<>() {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Bytes32, Recent> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized void add(Block block, List<TransactionReceipt> receipts) {
    entries.put(block.header().hash(), new Recent(block, List.copyOf(receipts)));
  }

  synchronized Optional<Block> block(Bytes32 hash) {
    Recent entry = entries.get(hash);
    return entry == null ? Optional.empty() : Optional.of(entry.block());
  }

  synchronized Optional<List<TransactionReceipt>> receipts(Bytes32 hash) {
    Recent entry = entries.get(hash);
    return entry == null ? Optional.empty() : Optional.of(entry.receipts());
  }
}

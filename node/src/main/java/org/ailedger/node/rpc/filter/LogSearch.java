package org.ailedger.node.rpc.filter;

import java.util.ArrayList;
import java.util.List;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.block.TransactionReceipt;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.rpc.RpcError;
import org.ailedger.node.rpc.RpcException;
import org.ailedger.node.rpc.json.Hex;
import org.ailedger.node.rpc.params.BlockParameter;
import org.ailedger.types.Log;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Finds logs in committed blocks. Each header's logs bloom is tested first, so only blocks that may
 * hold a match have their body and receipts read.
 */
public final class LogSearch {
  private final ChainReader chain;
  private final long maxBlockRange;

  public LogSearch(ChainReader chain, long maxBlockRange) {
    if (chain == null || maxBlockRange <= 0) {
      throw new IllegalArgumentException("a chain and a positive block range are required");
    }
    this.chain = chain;
    this.maxBlockRange = maxBlockRange;
  }

  public long maxBlockRange() {
    return maxBlockRange;
  }

  /**
   * The logs a filter object selects. A range ending beyond the head ends at the head; a range
   * wider than the limit is refused rather than scanned.
   */
  public List<MatchedLog> search(FilterSpec spec) {
    if (spec.blockHash().isPresent()) {
      Bytes32 hash = spec.blockHash().get();
      Block block =
          chain
              .block(hash)
              .orElseThrow(
                  () ->
                      new RpcException(RpcError.UNKNOWN_BLOCK, "unknown block " + Hex.data(hash)));
      return inBlock(block, chain.receipts(hash), spec.criteria());
    }
    long from = resolve(spec.fromBlock().orElse(BlockParameter.LATEST));
    long to = resolve(spec.toBlock().orElse(BlockParameter.LATEST));
    if (from > to) {
      throw RpcException.invalidParams(
          "invalid block range: fromBlock "
              + Hex.quantity(from)
              + " is after toBlock "
              + Hex.quantity(to));
    }
    long last = Math.min(to, chain.head().number());
    if (from > last) {
      return List.of();
    }
    if (last - from + 1 > maxBlockRange) {
      throw new RpcException(
          RpcError.LIMIT_EXCEEDED, "query exceeds max block range " + maxBlockRange);
    }
    return inRange(from, last, spec.criteria());
  }

  /** Logs of blocks {@code from..to}, both committed; the caller bounds the range. */
  public List<MatchedLog> inRange(long from, long to, LogCriteria criteria) {
    List<MatchedLog> found = new ArrayList<>();
    for (long n = from; n <= to; n++) {
      long number = n;
      BlockHeader header =
          chain
              .header(number)
              .orElseThrow(
                  () -> new IllegalStateException("committed block " + number + " is missing"));
      if (!criteria.mightMatch(header.logsBloom())) {
        continue;
      }
      Bytes32 hash = header.hash();
      Block block =
          chain
              .block(hash)
              .orElseThrow(
                  () -> new IllegalStateException("body of block " + number + " is missing"));
      found.addAll(inBlock(block, chain.receipts(hash), criteria));
    }
    return found;
  }

  /** The matching logs of one block, given its receipts. */
  public static List<MatchedLog> inBlock(
      Block block, List<TransactionReceipt> receipts, LogCriteria criteria) {
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
    List<MatchedLog> found = new ArrayList<>();
    Bytes32 blockHash = block.header().hash();
    int logIndex = 0;
    for (int txIndex = 0; txIndex < receipts.size(); txIndex++) {
      for (Log log : receipts.get(txIndex).logs()) {
        if (criteria.matches(log)) {
          found.add(
              new MatchedLog(
                  log,
                  block.number(),
                  blockHash,
                  block.header().timestamp(),
                  block.transactions().get(txIndex).hash(),
                  txIndex,
                  logIndex));
        }
        logIndex++;
      }
    }
    return found;
  }

  private long resolve(BlockParameter parameter) {
    // filters take numbers and tags only, so there is no hash to miss
    return parameter.number(chain).orElseThrow();
  }
}

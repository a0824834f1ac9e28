package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.rpc.RpcError;
import org.ailedger.node.rpc.RpcException;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.filter.FilterRegistry;
import org.ailedger.node.rpc.filter.LogSearch;
import org.ailedger.node.rpc.json.Hex;
import org.ailedger.node.rpc.json.LogJson;
import org.ailedger.node.rpc.json.RpcJson;

/**
 * eth_getFilterChanges(id): what is new since the last poll: block hashes for a block filter, logs
 * for a log filter. One poll covers at most the log block range; a filter that fell further behind
 * catches up over the next polls.
 */
public final class EthGetFilterChanges implements RpcMethod {
  private final ChainReader chain;
  private final FilterRegistry filters;
  private final LogSearch search;

  public EthGetFilterChanges(ChainReader chain, FilterRegistry filters, LogSearch search) {
    this.chain = chain;
    this.filters = filters;
    this.search = search;
  }

  @Override
  public String name() {
    return "eth_getFilterChanges";
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    String id = request.params().expectAtMost(1).string(0, "filter id");
    FilterRegistry.Poll poll =
        filters
            .poll(id, chain.head().number(), search.maxBlockRange())
            .orElseThrow(() -> RpcException.of(RpcError.FILTER_NOT_FOUND));
    return switch (poll.filter()) {
      case FilterRegistry.BlockFilter b -> blockHashes(poll.fromBlock(), poll.toBlock());
      case FilterRegistry.LogFilter f -> {
        long from = Math.max(poll.fromBlock(), f.lowerBound());
        long to = Math.min(poll.toBlock(), f.upperBound());
        yield from > to
            ? RpcJson.array()
            : LogJson.array(search.inRange(from, to, f.spec().criteria()));
      }
    };
  }

  private ArrayNode blockHashes(long from, long to) {
    ArrayNode hashes = RpcJson.array();
    for (long n = from; n <= to; n++) {
      long number = n;
      hashes.add(
          Hex.data(
              chain
                  .header(number)
                  .orElseThrow(
                      () -> new IllegalStateException("committed block " + number + " is missing"))
                  .hash()));
    }
    return hashes;
  }
}

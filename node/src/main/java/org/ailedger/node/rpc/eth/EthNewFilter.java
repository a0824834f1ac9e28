package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Optional;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.filter.FilterRegistry;
import org.ailedger.node.rpc.filter.FilterSpec;
import org.ailedger.node.rpc.json.Hex;
import org.ailedger.node.rpc.params.BlockParameter;
import org.ailedger.node.rpc.params.FilterParser;
import org.ailedger.node.rpc.params.HexParser;
import org.ailedger.node.rpc.params.RpcParams;

/**
 * eth_newFilter(filter): installs a log filter. Its changes start with the first block after the
 * head at install time; explicit fromBlock/toBlock numbers further bound them, and
 * eth_getFilterLogs runs the whole filter, history included.
 */
public final class EthNewFilter implements RpcMethod {
  private final ChainReader chain;
  private final FilterRegistry filters;

  public EthNewFilter(ChainReader chain, FilterRegistry filters) {
    this.chain = chain;
    this.filters = filters;
  }

  @Override
  public String name() {
    return "eth_newFilter";
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    RpcParams params = request.params().expectAtMost(1);
    String where = RpcParams.where(0, "filter");
    FilterSpec spec = FilterParser.filter(params.required(0, "filter"), where);
    if (spec.blockHash().isPresent()) {
      throw HexParser.invalid(
          where,
          "eth_newFilter takes a block range, not blockHash; "
              + "use eth_getLogs for the logs of one block");
    }
    long lower = bound(spec.fromBlock(), 0);
    long upper = bound(spec.toBlock(), Long.MAX_VALUE);
    if (lower > upper) {
      throw HexParser.invalid(
          where, "fromBlock " + Hex.quantity(lower) + " is after toBlock " + Hex.quantity(upper));
    }
    String id =
        filters.install(
            new FilterRegistry.LogFilter(spec, lower, upper), chain.head().number() + 1);
    return TextNode.valueOf(id);
  }

  /** An explicit number bounds the changes; a tag moves with the head and does not. */
  private static long bound(Optional<BlockParameter> parameter, long open) {
    if (parameter.isEmpty()) {
      return open;
    }
    return switch (parameter.get()) {
      case BlockParameter.Number n -> n.number();
      case BlockParameter.Earliest e -> 0;
      case BlockParameter.Latest l -> open;
      case BlockParameter.Pending p -> open;
      case BlockParameter.Hash h -> throw new IllegalStateException("filters take no block hash");
    };
  }
}

package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import org.ailedger.node.rpc.RpcError;
import org.ailedger.node.rpc.RpcException;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.filter.FilterRegistry;
import org.ailedger.node.rpc.filter.LogSearch;
import org.ailedger.node.rpc.json.LogJson;
import org.ailedger.node.rpc.params.HexParser;
import org.ailedger.node.rpc.params.RpcParams;

/** eth_getFilterLogs(id): every log the log filter selects, as eth_getLogs would answer. */
public final class EthGetFilterLogs implements RpcMethod {
  private final FilterRegistry filters;
  private final LogSearch search;

  public EthGetFilterLogs(FilterRegistry filters, LogSearch search) {
    this.filters = filters;
    this.search = search;
  }

  @Override
  public String name() {
    return "eth_getFilterLogs";
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    String id = request.params().expectAtMost(1).string(0, "filter id");
    FilterRegistry.InstalledFilter filter =
        filters.find(id).orElseThrow(() -> RpcException.of(RpcError.FILTER_NOT_FOUND));
    return switch (filter) {
      case FilterRegistry.LogFilter f -> LogJson.array(search.search(f.spec()));
      case FilterRegistry.BlockFilter b ->
          throw HexParser.invalid(
              RpcParams.where(0, "filter id"),
              "a block filter has no logs; poll it with eth_getFilterChanges");
    };
  }
}

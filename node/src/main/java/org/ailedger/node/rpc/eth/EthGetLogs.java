package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.filter.FilterSpec;
import org.ailedger.node.rpc.filter.LogSearch;
import org.ailedger.node.rpc.json.LogJson;
import org.ailedger.node.rpc.params.FilterParser;
import org.ailedger.node.rpc.params.RpcParams;

/** eth_getLogs(filter): matching logs of a bounded block range or of one block. */
public final class EthGetLogs implements RpcMethod {
  private final LogSearch search;

  public EthGetLogs(LogSearch search) {
    this.search = search;
  }

  @Override
  public String name() {
    return "eth_getLogs";
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    RpcParams params = request.params().expectAtMost(1);
    FilterSpec spec =
        FilterParser.filter(params.required(0, "filter"), RpcParams.where(0, "filter"));
    return LogJson.array(search.search(spec));
  }
}

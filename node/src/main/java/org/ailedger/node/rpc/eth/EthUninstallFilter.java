package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.filter.FilterRegistry;

/** eth_uninstallFilter(id): true if the filter existed. */
public final class EthUninstallFilter implements RpcMethod {
  private final FilterRegistry filters;

  public EthUninstallFilter(FilterRegistry filters) {
    this.filters = filters;
  }

  @Override
  public String name() {
    return "eth_uninstallFilter";
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    String id = request.params().expectAtMost(1).string(0, "filter id");
    return BooleanNode.valueOf(filters.uninstall(id));
  }
}

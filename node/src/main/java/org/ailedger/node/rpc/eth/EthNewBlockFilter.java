package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.filter.FilterRegistry;

/** eth_newBlockFilter(): installs a filter whose changes are the hashes of new blocks. */
public final class EthNewBlockFilter implements RpcMethod {
  private final ChainReader chain;
  private final FilterRegistry filters;

  public EthNewBlockFilter(ChainReader chain, FilterRegistry filters) {
    this.chain = chain;
    this.filters = filters;
  }

  @Override
  public String name() {
    return "eth_newBlockFilter";
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    request.params().expectAtMost(0);
    return TextNode.valueOf(
        filters.install(new FilterRegistry.BlockFilter(), chain.head().number() + 1));
  }
}

package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.json.Hex;

/** eth_getBlockTransactionCountByHash(hash): the number of transactions, or null. */
public final class EthGetBlockTransactionCountByHash implements RpcMethod {
  private final ChainReader chain;

  public EthGetBlockTransactionCountByHash(ChainReader chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getBlockTransactionCountByHash";
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    return chain
        .block(request.params().expectAtMost(1).hash(0, "block hash"))
        .<JsonNode>map(b -> TextNode.valueOf(Hex.quantity(b.transactions().size())))
        .orElse(NullNode.getInstance());
  }
}

package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.params.BlockParameter;
import org.ailedger.node.rpc.params.RpcParams;

/** eth_getTransactionByBlockNumberAndIndex(block, index): the transaction, or null. */
public final class EthGetTransactionByBlockNumberAndIndex implements RpcMethod {
  private final ChainReader chain;

  public EthGetTransactionByBlockNumberAndIndex(ChainReader chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getTransactionByBlockNumberAndIndex";
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    RpcParams params = request.params().expectAtMost(2);
    BlockParameter block =
        BlockParameter.numberOrTag(params.required(0, "block"), RpcParams.where(0, "block"));
    long index = params.quantity(1, "index");
    return block
        .header(chain)
        .flatMap(h -> chain.block(h.hash()))
        .map(b -> MinedTransactions.at(chain, b, index))
        .orElse(NullNode.getInstance());
  }
}

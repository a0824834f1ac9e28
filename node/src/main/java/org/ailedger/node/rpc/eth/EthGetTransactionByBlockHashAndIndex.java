package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.params.RpcParams;
import org.apache.tuweni.bytes.Bytes32;

/** eth_getTransactionByBlockHashAndIndex(hash, index): the transaction, or null. */
public final class EthGetTransactionByBlockHashAndIndex implements RpcMethod {
  private final ChainReader chain;

  public EthGetTransactionByBlockHashAndIndex(ChainReader chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getTransactionByBlockHashAndIndex";
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    RpcParams params = request.params().expectAtMost(2);
    Bytes32 hash = params.hash(0, "block hash");
    long index = params.quantity(1, "index");
    return chain
        .block(hash)
        .map(b -> MinedTransactions.at(chain, b, index))
        .orElse(NullNode.getInstance());
  }
}

package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.json.Hex;
import org.ailedger.node.rpc.params.BlockParameter;
import org.ailedger.node.rpc.params.RpcParams;

/** eth_getBlockTransactionCountByNumber(block): the number of transactions, or null. */
public final class EthGetBlockTransactionCountByNumber implements RpcMethod {
  private final ChainReader chain;

  public EthGetBlockTransactionCountByNumber(ChainReader chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getBlockTransactionCountByNumber";
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    RpcParams params = request.params().expectAtMost(1);
    BlockParameter block =
        BlockParameter.numberOrTag(params.required(0, "block"), RpcParams.where(0, "block"));
    return block
        .header(chain)
        .flatMap(h -> chain.block(h.hash()))
        .<JsonNode>map(b -> TextNode.valueOf(Hex.quantity(b.transactions().size())))
        .orElse(NullNode.getInstance());
  }
}

package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.params.BlockParameter;
import org.ailedger.node.rpc.params.RpcParams;

/** eth_getBlockByNumber(block, fullTransactions): the block, or null when unknown. */
public final class EthGetBlockByNumber implements RpcMethod {
  private final ChainReader chain;
  private final Blocks blocks;

  public EthGetBlockByNumber(ChainReader chain, Blocks blocks) {
    this.chain = chain;
    this.blocks = blocks;
  }

  @Override
  public String name() {
    return "eth_getBlockByNumber";
  }

  /** Light with transaction hashes; a block with full transactions can be megabytes of JSON. */
  @Override
  public boolean light(JsonNode params) {
    return params != null
        && params.isArray()
        && params.size() == 2
        && params.get(1).isBoolean()
        && !params.get(1).booleanValue();
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    RpcParams params = request.params().expectAtMost(2);
    BlockParameter block =
        BlockParameter.numberOrTag(params.required(0, "block"), RpcParams.where(0, "block"));
    boolean full = params.bool(1, "full transactions");
    // by number: the hash would cost a keccak of the header on every request
    return blocks.json(block.number(chain).flatMap(chain::block), full);
  }
}

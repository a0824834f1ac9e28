package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.params.BlockParameter;
import org.ailedger.node.rpc.params.RpcParams;

/** eth_getBlockByNumber(block, fullTransactions): the block, or null when unknown. */
public final class EthGetBlockByNumber implements RpcMethod {
  private static final Set<String> HEAD_TAGS = Set.of("latest", "pending", "safe", "finalized");

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

  /**
   * Light for the head with transaction hashes: that block is in memory and its JSON is kept
   * rendered. An older block's body is read and decoded first, and full transactions can be
   * megabytes of JSON, so those go to the workers.
   */
  @Override
  public boolean light(JsonNode params) {
    return params != null
        && params.isArray()
        && params.size() == 2
        && params.get(0).isTextual()
        && HEAD_TAGS.contains(params.get(0).textValue())
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

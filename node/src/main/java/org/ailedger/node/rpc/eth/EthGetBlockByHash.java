package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.params.RpcParams;
import org.apache.tuweni.bytes.Bytes32;

/** eth_getBlockByHash(hash, fullTransactions): the block, or null when unknown. */
public final class EthGetBlockByHash implements RpcMethod {
  private final ChainReader chain;
  private final Blocks blocks;

  public EthGetBlockByHash(ChainReader chain, Blocks blocks) {
    this.chain = chain;
    this.blocks = blocks;
  }

  @Override
  public String name() {
    return "eth_getBlockByHash";
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    RpcParams params = request.params().expectAtMost(2);
    Bytes32 hash = params.hash(0, "block hash");
    boolean full = params.bool(1, "full transactions");
    return blocks.json(chain.block(hash), full);
  }
}

package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;
import java.util.Optional;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.TransactionReceipt;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.json.ReceiptJson;
import org.ailedger.node.rpc.params.BlockParameter;
import org.ailedger.node.rpc.params.RpcParams;

/**
 * eth_getBlockReceipts(block): the receipts of every transaction of a block, in order, or null for
 * a block the node does not have; the block is a tag, a number or a hash.
 */
public final class EthGetBlockReceipts implements RpcMethod {
  private final ChainReader chain;

  public EthGetBlockReceipts(ChainReader chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getBlockReceipts";
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    RpcParams params = request.params().expectAtMost(1);
    BlockParameter parameter =
        BlockParameter.numberTagOrHash(params.required(0, "block"), RpcParams.where(0, "block"));
    Optional<Block> block = parameter.header(chain).flatMap(h -> chain.block(h.hash()));
    if (block.isEmpty()) {
      return NullNode.getInstance();
    }
    List<TransactionReceipt> receipts = chain.receipts(block.get().header().hash());
    return ReceiptJson.all(block.get(), receipts);
  }
}

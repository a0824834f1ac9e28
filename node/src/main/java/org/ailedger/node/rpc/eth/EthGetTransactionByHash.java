package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Optional;
import org.ailedger.node.block.Block;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.chain.TransactionLocation;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.json.TransactionJson;
import org.ailedger.node.txpool.PendingTransactions;
import org.apache.tuweni.bytes.Bytes32;

/** eth_getTransactionByHash(hash): committed, else pooled (without block fields), else null. */
public final class EthGetTransactionByHash implements RpcMethod {
  private final ChainReader chain;
  private final PendingTransactions pool;

  public EthGetTransactionByHash(ChainReader chain, PendingTransactions pool) {
    this.chain = chain;
    this.pool = pool;
  }

  @Override
  public String name() {
    return "eth_getTransactionByHash";
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    Bytes32 hash = request.params().expectAtMost(1).hash(0, "transaction hash");
    Optional<TransactionLocation> location = chain.transactionLocation(hash);
    if (location.isPresent()) {
      Optional<Block> block = chain.block(location.get().blockHash());
      if (block.isPresent()) {
        return MinedTransactions.at(chain, block.get(), location.get().index());
      }
    }
    return pool.byHash(hash)
        .<JsonNode>map(p -> TransactionJson.pending(p.transaction(), p.sender()))
        .orElse(NullNode.getInstance());
  }
}

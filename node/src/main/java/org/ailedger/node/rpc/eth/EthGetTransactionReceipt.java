package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Optional;
import org.ailedger.node.block.Block;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.chain.TransactionLocation;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.json.ReceiptJson;
import org.apache.tuweni.bytes.Bytes32;

/** eth_getTransactionReceipt(hash): the receipt of a committed transaction, else null. */
public final class EthGetTransactionReceipt implements RpcMethod {
  private final ChainReader chain;

  public EthGetTransactionReceipt(ChainReader chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getTransactionReceipt";
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    Bytes32 hash = request.params().expectAtMost(1).hash(0, "transaction hash");
    Optional<TransactionLocation> location = chain.transactionLocation(hash);
    if (location.isEmpty()) {
      return NullNode.getInstance();
    }
    Optional<Block> block = chain.block(location.get().blockHash());
    if (block.isEmpty()) {
      return NullNode.getInstance();
    }
    return ReceiptJson.of(
        block.get(), chain.receipts(location.get().blockHash()), location.get().index());
  }
}

package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.json.Hex;
import org.ailedger.node.rpc.params.BlockParameter;
import org.ailedger.node.rpc.params.RpcParams;
import org.ailedger.node.state.Account;
import org.ailedger.node.state.WorldStateReader;
import org.ailedger.node.txpool.PendingTransactions;
import org.ailedger.types.Address;

/**
 * eth_getTransactionCount(address, block): the account nonce. For "pending" it counts the sender's
 * pooled transactions too, which is what wallets ask for to number the next one.
 */
public final class EthGetTransactionCount implements RpcMethod {
  private final ChainReader chain;
  private final WorldStateReader state;
  private final PendingTransactions pool;

  public EthGetTransactionCount(
      ChainReader chain, WorldStateReader state, PendingTransactions pool) {
    this.chain = chain;
    this.state = state;
    this.pool = pool;
  }

  @Override
  public String name() {
    return "eth_getTransactionCount";
  }

  @Override
  public boolean light(JsonNode params) {
    return true;
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    RpcParams params = request.params().expectAtMost(2);
    Address address = params.address(0, "address");
    BlockParameter block = params.blockNumberTagOrHash(1, "block");
    if (block instanceof BlockParameter.Pending) {
      return TextNode.valueOf(Hex.quantity(pool.nextNonce(address)));
    }
    BlockHeader header = block.requireHeader(chain);
    long nonce = state.account(header.stateRoot(), address).map(Account::nonce).orElse(0L);
    return TextNode.valueOf(Hex.quantity(nonce));
  }
}

package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.json.Hex;
import org.ailedger.node.rpc.params.RpcParams;
import org.ailedger.node.state.Account;
import org.ailedger.node.state.WorldStateReader;
import org.ailedger.types.Address;
import org.apache.tuweni.units.bigints.UInt256;

/** eth_getBalance(address, block): wei held at that block; zero for an absent account. */
public final class EthGetBalance implements RpcMethod {
  private final ChainReader chain;
  private final WorldStateReader state;

  public EthGetBalance(ChainReader chain, WorldStateReader state) {
    this.chain = chain;
    this.state = state;
  }

  @Override
  public String name() {
    return "eth_getBalance";
  }

  @Override
  public boolean light(JsonNode params) {
    return true;
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    RpcParams params = request.params().expectAtMost(2);
    Address address = params.address(0, "address");
    BlockHeader header = params.blockNumberTagOrHash(1, "block").requireHeader(chain);
    UInt256 balance =
        state.account(header.stateRoot(), address).map(Account::balance).orElse(UInt256.ZERO);
    return TextNode.valueOf(Hex.quantity(balance));
  }
}

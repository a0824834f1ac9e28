package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.rpc.CodeReader;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.json.Hex;
import org.ailedger.node.rpc.params.RpcParams;
import org.ailedger.types.Address;

/** eth_getCode(address, block): the code in that block's state. */
public final class EthGetCode implements RpcMethod {
  private final ChainReader chain;
  private final CodeReader code;

  public EthGetCode(ChainReader chain, CodeReader code) {
    this.chain = chain;
    this.code = code;
  }

  @Override
  public String name() {
    return "eth_getCode";
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
    return TextNode.valueOf(Hex.data(code.code(header.stateRoot(), address)));
  }
}

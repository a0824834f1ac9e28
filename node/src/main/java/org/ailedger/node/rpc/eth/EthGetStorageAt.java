package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.json.Hex;
import org.ailedger.node.rpc.params.HexParser;
import org.ailedger.node.rpc.params.RpcParams;
import org.ailedger.node.state.WorldStateReader;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;

/** eth_getStorageAt(address, slot, block): the 32-byte storage word. */
public final class EthGetStorageAt implements RpcMethod {
  private final ChainReader chain;
  private final WorldStateReader state;

  public EthGetStorageAt(ChainReader chain, WorldStateReader state) {
    this.chain = chain;
    this.state = state;
  }

  @Override
  public String name() {
    return "eth_getStorageAt";
  }

  @Override
  public boolean light(JsonNode params) {
    return true;
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    RpcParams params = request.params().expectAtMost(3);
    Address address = params.address(0, "address");
    Bytes32 slot = HexParser.storageSlot(params.required(1, "slot"), RpcParams.where(1, "slot"));
    BlockHeader header = params.blockNumberTagOrHash(2, "block").requireHeader(chain);
    return TextNode.valueOf(Hex.data(state.storageAt(header.stateRoot(), address, slot)));
  }
}

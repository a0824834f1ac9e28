package org.ailedger.node.rpc.web3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.json.Hex;
import org.ailedger.types.Keccak;
import org.apache.tuweni.bytes.Bytes;

/** web3_sha3(data): keccak-256 of the data. */
public final class Web3Sha3 implements RpcMethod {
  @Override
  public String name() {
    return "web3_sha3";
  }

  @Override
  public boolean light(JsonNode params) {
    return true;
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    Bytes data = request.params().expectAtMost(1).data(0, "data");
    return TextNode.valueOf(Hex.data(Keccak.hash(data)));
  }
}

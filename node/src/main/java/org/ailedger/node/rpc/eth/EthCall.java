package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.execution.TransactionSimulator;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.json.Hex;

/** eth_call(call, block): the return data of a call run on that block's state, not committed. */
public final class EthCall implements RpcMethod {
  private final CallExecution execution;

  public EthCall(ChainReader chain, TransactionSimulator simulator, long gasCap) {
    this.execution = new CallExecution(chain, simulator, gasCap);
  }

  @Override
  public String name() {
    return "eth_call";
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    return TextNode.valueOf(Hex.data(execution.run(request.params()).outcome().output()));
  }
}

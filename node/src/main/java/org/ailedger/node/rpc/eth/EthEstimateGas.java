package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.execution.TransactionSimulator;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.json.Hex;

/**
 * eth_estimateGas(call, block): the least gas limit with which the call succeeds. Native contracts
 * charge a cost fixed by their inputs, so one run gives it; EVM code is bisected over gas limits as
 * geth does, since refunds and the 63/64 rule make the gas used less than the gas needed.
 */
public final class EthEstimateGas implements RpcMethod {
  private final CallExecution execution;

  public EthEstimateGas(ChainReader chain, TransactionSimulator simulator, long gasCap) {
    this.execution = new CallExecution(chain, simulator, gasCap);
  }

  @Override
  public String name() {
    return "eth_estimateGas";
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    return TextNode.valueOf(Hex.quantity(execution.estimate(request.params()).totalGas()));
  }
}

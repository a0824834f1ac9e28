package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.execution.TransactionSimulator;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.json.Hex;

/**
 * eth_estimateGas(call, block): intrinsic plus execution gas of one run. Native contracts charge a
 * cost fixed by their inputs, not by the gas offered, so one simulation gives the exact figure that
 * geth's binary search over gas limits converges to.
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
    return TextNode.valueOf(Hex.quantity(execution.run(request.params()).totalGas()));
  }
}

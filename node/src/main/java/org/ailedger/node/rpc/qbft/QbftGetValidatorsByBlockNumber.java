package org.ailedger.node.rpc.qbft;

import com.fasterxml.jackson.databind.JsonNode;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.params.BlockParameter;
import org.ailedger.node.rpc.params.RpcParams;

/** qbft_getValidatorsByBlockNumber(block): the validators in that header, or null if unknown. */
public final class QbftGetValidatorsByBlockNumber implements RpcMethod {
  private final ChainReader chain;

  public QbftGetValidatorsByBlockNumber(ChainReader chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "qbft_getValidatorsByBlockNumber";
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    RpcParams params = request.params().expectAtMost(1);
    BlockParameter block =
        BlockParameter.numberOrTag(params.required(0, "block"), RpcParams.where(0, "block"));
    return Validators.of(block.header(chain));
  }
}

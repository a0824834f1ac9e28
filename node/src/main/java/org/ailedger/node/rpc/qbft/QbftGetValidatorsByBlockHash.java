package org.ailedger.node.rpc.qbft;

import com.fasterxml.jackson.databind.JsonNode;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;

/** qbft_getValidatorsByBlockHash(hash): the validators in that header, or null if unknown. */
public final class QbftGetValidatorsByBlockHash implements RpcMethod {
  private final ChainReader chain;

  public QbftGetValidatorsByBlockHash(ChainReader chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "qbft_getValidatorsByBlockHash";
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    return Validators.of(chain.header(request.params().expectAtMost(1).hash(0, "block hash")));
  }
}

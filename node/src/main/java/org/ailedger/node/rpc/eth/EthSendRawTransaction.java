package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.ailedger.node.rpc.RawTransactionSubmitter;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.json.Hex;
import org.ailedger.node.txpool.SubmitResult;
import org.apache.tuweni.bytes.Bytes;

/** eth_sendRawTransaction(data): the hash of the pooled transaction, or why it was refused. */
public final class EthSendRawTransaction implements RpcMethod {
  private final RawTransactionSubmitter submitter;

  public EthSendRawTransaction(RawTransactionSubmitter submitter) {
    this.submitter = submitter;
  }

  @Override
  public String name() {
    return "eth_sendRawTransaction";
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    Bytes raw = request.params().expectAtMost(1).data(0, "transaction");
    return switch (submitter.submitRaw(raw)) {
      case SubmitResult.Accepted accepted -> TextNode.valueOf(Hex.data(accepted.hash()));
      case SubmitResult.Rejected rejected ->
          throw RejectionErrors.toException(rejected.rejection());
    };
  }
}

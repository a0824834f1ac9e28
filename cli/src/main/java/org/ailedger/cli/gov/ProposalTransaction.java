package org.ailedger.cli.gov;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.function.BiFunction;
import org.ailedger.chaincode.bindings.QuadraticGovernor;
import org.ailedger.cli.client.LedgerClient;
import org.ailedger.cli.client.LedgerOptions;
import org.ailedger.cli.client.Output;
import org.ailedger.cli.client.TransactionReport;
import org.ailedger.precompiles.NativeAddresses;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import picocli.CommandLine;

/**
 * A governor transaction about one existing proposal (cancel, execute): checks the id, reads the
 * proposal so the report can say what it does, sends the call and prints the receipt.
 */
final class ProposalTransaction {
  private ProposalTransaction() {}

  static int send(
      LedgerOptions ledger,
      CommandLine.Model.CommandSpec spec,
      long proposalId,
      BiFunction<QuadraticGovernor, BigInteger, RemoteFunctionCall<TransactionReceipt>> call) {
    ProposalIds.require(spec, proposalId);
    try (LedgerClient client = ledger.connect()) {
      GovernorReader reader = GovernorReader.atHead(client);
      ProposalView proposal = reader.proposal(proposalId);
      String data =
          call.apply(reader.governor(), BigInteger.valueOf(proposalId)).encodeFunctionCall();
      TransactionReceipt receipt = client.send(NativeAddresses.QUADRATIC_GOVERNOR, data);
      ObjectNode result = Output.object().put("proposalId", proposalId);
      result.set("action", proposal.action());
      ledger.output().print(TransactionReport.describe(receipt, result));
    }
    return 0;
  }
}

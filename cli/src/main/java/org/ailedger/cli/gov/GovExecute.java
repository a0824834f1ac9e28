package org.ailedger.cli.gov;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.concurrent.Callable;
import org.ailedger.cli.client.LedgerClient;
import org.ailedger.cli.client.LedgerOptions;
import org.ailedger.cli.client.Output;
import org.ailedger.cli.client.TransactionReport;
import org.ailedger.precompiles.NativeAddresses;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "execute",
    mixinStandardHelpOptions = true,
    description = {
      "Carries out a passed proposal once its timelock is over (state Succeeded).",
      "Anyone may send it; the change's own events (RoleGranted, ParameterChanged, …)",
      "are listed."
    })
final class GovExecute implements Callable<Integer> {
  @Mixin LedgerOptions ledger;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--proposal", required = true, paramLabel = "N", description = "The proposal id.")
  long proposalId;

  @Override
  public Integer call() {
    ProposalIds.require(spec, proposalId);
    try (LedgerClient client = ledger.connect()) {
      GovernorReader reader = GovernorReader.atHead(client);
      ProposalView proposal = reader.proposal(proposalId);
      String data = reader.governor().execute(BigInteger.valueOf(proposalId)).encodeFunctionCall();
      TransactionReceipt receipt = client.send(NativeAddresses.QUADRATIC_GOVERNOR, data);
      ObjectNode result = Output.object().put("proposalId", proposalId);
      result.set("action", proposal.action());
      ledger.output().print(TransactionReport.describe(receipt, result));
    }
    return 0;
  }
}

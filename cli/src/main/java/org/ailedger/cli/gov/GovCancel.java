package org.ailedger.cli.gov;

import java.util.concurrent.Callable;
import org.ailedger.chaincode.bindings.QuadraticGovernor;
import org.ailedger.cli.client.LedgerOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "cancel",
    mixinStandardHelpOptions = true,
    description =
        "Withdraws a proposal before its voting starts (state Pending); only its proposer may.")
final class GovCancel implements Callable<Integer> {
  @Mixin LedgerOptions ledger;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--proposal", required = true, paramLabel = "N", description = "The proposal id.")
  long proposalId;

  @Override
  public Integer call() {
    return ProposalTransaction.send(ledger, spec, proposalId, QuadraticGovernor::cancel);
  }
}

package org.ailedger.cli.gov;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ailedger gov …}: governance by token-weighted quadratic voting with caps, on
 * QuadraticGovernor.
 */
@Command(
    name = "gov",
    mixinStandardHelpOptions = true,
    description = {
      "Proposes changes to parameters, accounts, roles, nodes and validators; votes",
      "with a member's quadratic, capped weight; executes or cancels proposals; shows",
      "proposals and voting power."
    },
    subcommands = {
      GovPropose.class,
      GovVote.class,
      GovExecute.class,
      GovCancel.class,
      GovShow.class,
      GovPower.class
    })
public final class GovCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

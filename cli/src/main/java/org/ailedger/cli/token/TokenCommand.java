package org.ailedger.cli.token;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ailedger token …}: the AI Contribution Token (ACT). */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Shows ACT balances and transfers ACT between permitted accounts.",
    subcommands = {TokenBalance.class, TokenTransfer.class})
public final class TokenCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

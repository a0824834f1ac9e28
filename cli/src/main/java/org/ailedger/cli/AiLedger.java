package org.ailedger.cli;

import org.ailedger.cli.dataset.DatasetCommand;
import org.ailedger.cli.gov.GovCommand;
import org.ailedger.cli.model.ModelCommand;
import org.ailedger.cli.token.TokenCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ailedger} command line: one entry point, a subcommand per job. */
@Command(
    name = "ailedger",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "AI Contribution Ledger: a permissioned, Ethereum-compatible chain for federated AI work.",
    subcommands = {
      DevnetCommand.class,
      NodeCommand.class,
      IndexerCommand.class,
      GenesisCommand.class,
      KeysCommand.class,
      ModelCommand.class,
      DatasetCommand.class,
      TokenCommand.class,
      GovCommand.class,
      CommandLine.HelpCommand.class
    })
public final class AiLedger implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    int exit =
        new CommandLine(new AiLedger())
            .setExecutionExceptionHandler(new CliExceptionHandler())
            .execute(args);
    System.exit(exit);
  }
}

package org.ailedger.cli.model;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ailedger model …}: models and their federated training rounds on ModelRegistry. */
@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description =
        "Registers models, opens and finalizes training rounds, submits update hashes, shows a model.",
    subcommands = {
      ModelRegister.class,
      ModelOpenRound.class,
      ModelSubmit.class,
      ModelFinalize.class,
      ModelShow.class
    })
public final class ModelCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

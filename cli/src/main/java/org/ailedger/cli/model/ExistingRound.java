package org.ailedger.cli.model;

import org.ailedger.cli.client.LedgerId;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --model} and {@code --round} of a command on a round that exists, the latest unless given.
 */
final class ExistingRound {
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "ID",
      converter = LedgerId.Converter.class,
      description = "The model: 0x and 64 hex digits, or the name it was registered under.")
  LedgerId model;

  @Option(
      names = "--round",
      paramLabel = "N",
      description = "The round (default: the model's latest round).")
  Long round;

  /** Refuses a round number no round can have, before anything is sent. */
  void check() {
    if (round != null && round < 1) {
      throw new CommandLine.ParameterException(command.commandLine(), "rounds are numbered from 1");
    }
  }

  /** The round given, or the model's latest as the chain knows it. */
  long number(ModelReader reader) {
    return round != null ? round : reader.model(model).latestRound();
  }
}

package org.ailedger.cli.gov;

import picocli.CommandLine;

/** The {@code --proposal N} check every command makes before asking the chain. */
final class ProposalIds {
  private ProposalIds() {}

  /**
   * @throws CommandLine.ParameterException for ids below 1: the governor numbers proposals from 1
   */
  static void require(CommandLine.Model.CommandSpec spec, long id) {
    if (id < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "proposals are numbered from 1, got " + id);
    }
  }
}

package org.ailedger.cli.dataset;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ailedger dataset …}: dataset attestations, endorsements, revocations and lineage on
 * DataProvenance.
 */
@Command(
    name = "dataset",
    mixinStandardHelpOptions = true,
    description =
        "Attests datasets (directly or by an owner's signature), endorses and revokes them, shows lineage.",
    subcommands = {
      DatasetAttest.class,
      DatasetAttestFor.class,
      DatasetSignAttestation.class,
      DatasetEndorse.class,
      DatasetRevoke.class,
      DatasetShow.class,
      DatasetLineage.class
    })
public final class DatasetCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

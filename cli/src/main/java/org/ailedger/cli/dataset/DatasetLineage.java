package org.ailedger.cli.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.ailedger.cli.client.ClientException;
import org.ailedger.cli.client.LedgerClient;
import org.ailedger.cli.client.LedgerId;
import org.ailedger.cli.client.LedgerOptions;
import org.ailedger.cli.client.Output;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "lineage",
    mixinStandardHelpOptions = true,
    description = {
      "Shows a dataset's ancestors and descendants as trees, marking revoked and tainted datasets.",
      "Depth and the number of datasets visited are bounded; what is cut is counted."
    })
final class DatasetLineage implements Callable<Integer> {
  static final int DEFAULT_DEPTH = 8;
  static final int MAX_DEPTH = 64;

  /** Per direction; the contract's own taint walk stops at 256 datasets too. */
  static final int MAX_DATASETS = 256;

  @Mixin LedgerOptions ledger;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--dataset",
      required = true,
      paramLabel = "ID",
      converter = LedgerId.Converter.class,
      description = "The dataset: 0x and 64 hex digits, or the name it was attested under.")
  LedgerId dataset;

  @Option(
      names = "--depth",
      paramLabel = "N",
      defaultValue = "" + DEFAULT_DEPTH,
      description =
          "Generations to show each way, 1 to " + MAX_DEPTH + " (default: ${DEFAULT-VALUE}).")
  int depth;

  @Override
  public Integer call() {
    if (depth < 1 || depth > MAX_DEPTH) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--depth must be 1 to " + MAX_DEPTH + ", got " + depth);
    }
    try (LedgerClient client = ledger.connect()) {
      LineageTree tree = new LineageTree(new DatasetReader(client), depth, MAX_DATASETS);
      ObjectNode root;
      try {
        root = tree.describe(dataset.value());
      } catch (ClientException e) {
        throw new ClientException(dataset.explain(e.getMessage()));
      }
      dataset.derivation().ifPresent(d -> root.put("datasetIdSource", d));
      LineageTree.Branch ancestors = tree.walk(dataset.value(), LineageTree.Direction.ANCESTORS);
      LineageTree.Branch descendants =
          tree.walk(dataset.value(), LineageTree.Direction.DESCENDANTS);
      ObjectNode result = Output.object();
      result.set("dataset", root);
      result.put("depth", depth);
      result.set("ancestors", ancestors.items());
      if (ancestors.notShown() > 0) {
        result.put("ancestorsNotShown", ancestors.notShown());
      }
      result.set("descendants", descendants.items());
      if (descendants.notShown() > 0) {
        result.put("descendantsNotShown", descendants.notShown());
      }
      ledger.output().print(result, LineageTree.text(root, ancestors, descendants, depth));
    }
    return 0;
  }
}

package org.ailedger.cli.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ailedger.cli.client.FileHashes;
import org.ailedger.cli.client.LedgerClient;
import org.ailedger.cli.client.LedgerId;
import org.ailedger.cli.client.LedgerOptions;
import org.ailedger.cli.client.Output;
import org.ailedger.cli.client.TransactionReport;
import org.ailedger.precompiles.NativeAddresses;
import org.apache.tuweni.bytes.Bytes32;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    description = {
      "Submits the hash of a model update to an open round (the signer needs CONTRIBUTOR).",
      "Give the update file itself: it is hashed with keccak256 here, nothing is uploaded."
    })
final class ModelSubmit implements Callable<Integer> {
  @Mixin LedgerOptions ledger;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ExistingRound target;

  @Option(
      names = "--update-file",
      paramLabel = "FILE",
      description = "The model update (weights or delta); hashed with keccak256.")
  Path updateFile;

  @Option(
      names = "--update-hash",
      paramLabel = "0x…",
      converter = LedgerId.HashConverter.class,
      description = "keccak256 of the update, if already known.")
  Bytes32 updateHash;

  @Option(
      names = "--dataset",
      paramLabel = "ID",
      converter = LedgerId.Converter.class,
      description = "A dataset the update was trained on; repeat for each (at most 32).")
  List<LedgerId> datasets = new ArrayList<>();

  @Option(
      names = "--samples",
      required = true,
      paramLabel = "N",
      description = "Number of training samples used.")
  long samples;

  @Option(
      names = "--metrics-file",
      paramLabel = "FILE",
      description = "Evaluation metrics; hashed with keccak256.")
  Path metricsFile;

  @Option(
      names = "--metrics-hash",
      paramLabel = "0x…",
      converter = LedgerId.HashConverter.class,
      description = "keccak256 of the metrics (default: zero, no metrics).")
  Bytes32 metricsHash;

  @Override
  public Integer call() {
    if (samples < 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--samples must not be negative");
    }
    target.check();
    Bytes32 update = FileHashes.required(spec, "update", updateFile, updateHash);
    Bytes32 metrics =
        FileHashes.optional(spec, "metrics", metricsFile, metricsHash).orElse(Bytes32.ZERO);
    try (LedgerClient client = ledger.connect()) {
      long number = target.number(new ModelReader(client));
      String data =
          client
              .models()
              .submitUpdate(
                  target.model.bytes(),
                  BigInteger.valueOf(number),
                  update.toArray(),
                  datasets.stream().map(LedgerId::bytes).toList(),
                  BigInteger.valueOf(samples),
                  metrics.toArray())
              .encodeFunctionCall();
      TransactionReceipt receipt = client.send(NativeAddresses.MODEL_REGISTRY, data);
      ObjectNode result =
          target
              .model
              .describeAs(Output.object(), "modelId")
              .put("round", number)
              .put("contributor", client.sender().toHexString())
              .put("updateHash", update.toHexString());
      if (updateFile != null) {
        result.put("updateFile", updateFile.toString());
      }
      ArrayNode cited = result.putArray("datasetIds");
      datasets.forEach(d -> cited.add(d.hex()));
      result.put("sampleCount", samples).put("metricsHash", metrics.toHexString());
      ledger.output().print(TransactionReport.describe(receipt, result));
    }
    return 0;
  }
}

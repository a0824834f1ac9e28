package org.ailedger.cli.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ailedger.cli.client.ClientException;
import org.ailedger.cli.client.FileHashes;
import org.ailedger.cli.client.LedgerClient;
import org.ailedger.cli.client.LedgerId;
import org.ailedger.cli.client.LedgerOptions;
import org.ailedger.cli.client.Output;
import org.ailedger.cli.client.TransactionReport;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "finalize",
    mixinStandardHelpOptions = true,
    description = {
      "Finalizes a round with the aggregate's hash and the accepted updates; mints the reward pool",
      "pro rata to the weights (the signer must be the model's aggregator).",
      "Say whom to accept with --accept (repeatable), --accept-all or --accept-none."
    })
final class ModelFinalize implements Callable<Integer> {
  @Mixin LedgerOptions ledger;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ExistingRound target;

  @Option(
      names = "--aggregate-file",
      paramLabel = "FILE",
      description = "The aggregated weights; hashed with keccak256.")
  Path aggregateFile;

  @Option(
      names = "--aggregate-hash",
      paramLabel = "0x…",
      converter = LedgerId.HashConverter.class,
      description = "keccak256 of the aggregate, if already known.")
  Bytes32 aggregateHash;

  @Option(
      names = "--accept",
      paramLabel = "ADDR[=WEIGHT]",
      converter = Acceptance.Converter.class,
      description = "An accepted contributor and its share weight (default 1); repeat for each.")
  List<Acceptance> accepted = new ArrayList<>();

  @Option(
      names = "--accept-all",
      description =
          "Accept every submitter, weighted by its reported sample count (as federated averaging weighs).")
  boolean acceptAll;

  @Option(
      names = "--accept-none",
      description = "Accept nobody: every submitter is rejected and nothing is minted.")
  boolean acceptNone;

  @Override
  public Integer call() {
    int choices = (accepted.isEmpty() ? 0 : 1) + (acceptAll ? 1 : 0) + (acceptNone ? 1 : 0);
    if (choices != 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "give exactly one of --accept ADDR[=WEIGHT] (repeatable), --accept-all or --accept-none");
    }
    target.check();
    Bytes32 aggregate = FileHashes.required(spec, "aggregate", aggregateFile, aggregateHash);
    try (LedgerClient client = ledger.connect()) {
      ModelReader reader = new ModelReader(client);
      long number = target.number(reader);
      List<Acceptance> chosen = acceptAll ? everySubmitter(reader, number) : accepted;
      String data =
          client
              .models()
              .finalizeRound(
                  target.model.bytes(),
                  BigInteger.valueOf(number),
                  aggregate.toArray(),
                  chosen.stream().map(a -> a.contributor().toHexString()).toList(),
                  chosen.stream().map(Acceptance::weight).toList())
              .encodeFunctionCall();
      TransactionReceipt receipt = client.send(NativeAddresses.MODEL_REGISTRY, data);
      ObjectNode result =
          target
              .model
              .describeAs(Output.object(), "modelId")
              .put("round", number)
              .put("aggregateHash", aggregate.toHexString());
      ArrayNode list = result.putArray("accepted");
      chosen.forEach(
          a ->
              list.addObject()
                  .put("contributor", a.contributor().toHexString())
                  .put("weight", a.weight().toString()));
      ledger.output().print(TransactionReport.describe(receipt, result));
    }
    return 0;
  }

  private List<Acceptance> everySubmitter(ModelReader reader, long number) {
    List<Address> submitters = reader.submitters(target.model, number);
    if (submitters.isEmpty()) {
      throw new ClientException(
          "round "
              + number
              + " of model "
              + target.model.hex()
              + " has no submissions to accept; use --accept-none to close it");
    }
    List<Acceptance> all = new ArrayList<>();
    for (Address contributor : submitters) {
      ModelReader.Update update = reader.update(target.model, number, contributor);
      if (update.sampleCount() == 0) {
        throw new ClientException(
            "contributor "
                + contributor
                + " reported 0 samples, so --accept-all cannot weigh it;"
                + " list the accepted updates with --accept ADDR=WEIGHT");
      }
      all.add(new Acceptance(contributor, BigInteger.valueOf(update.sampleCount())));
    }
    return all;
  }
}

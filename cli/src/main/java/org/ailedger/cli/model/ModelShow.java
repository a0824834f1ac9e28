package org.ailedger.cli.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ailedger.cli.client.Accounts;
import org.ailedger.cli.client.ClientException;
import org.ailedger.cli.client.JsonValues;
import org.ailedger.cli.client.LedgerClient;
import org.ailedger.cli.client.LedgerId;
import org.ailedger.cli.client.LedgerOptions;
import org.ailedger.cli.client.Output;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description =
        "Shows a model, its rounds and their updates with status, reward, taint and reputation.")
final class ModelShow implements Callable<Integer> {
  /** Without --round, the latest rounds shown; older ones are one --round away. */
  static final int MAX_ROUNDS = 20;

  @Mixin LedgerOptions ledger;

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
      description = "Only this round (default: the latest " + MAX_ROUNDS + ").")
  Long round;

  @Option(
      names = "--contributor",
      paramLabel = "ADDR",
      converter = Accounts.AddressConverter.class,
      description = "Only this contributor's updates, with its reputation.")
  Address contributor;

  @Override
  public Integer call() {
    try (LedgerClient client = ledger.connect()) {
      ModelReader reader = new ModelReader(client);
      ModelReader.Model info = reader.model(model);
      long head = client.head();
      ObjectNode result =
          model
              .describeAs(Output.object(), "modelId")
              .put("owner", info.owner().toHexString())
              .put("aggregator", info.aggregator().toHexString())
              .put("metadataUri", info.metadataUri())
              .put("registeredAtBlock", info.registeredAtBlock())
              .put("latestRound", info.latestRound())
              .put("head", head);
      long first;
      long last;
      if (round != null) {
        if (round < 1 || round > info.latestRound()) {
          throw new ClientException(
              "model "
                  + model.hex()
                  + " has no round "
                  + round
                  + (info.latestRound() == 0
                      ? "; no round was opened yet"
                      : "; its latest round is " + info.latestRound()));
        }
        first = round;
        last = round;
      } else {
        last = info.latestRound();
        first = Math.max(1, last - MAX_ROUNDS + 1);
        if (first > 1) {
          result.put("earlierRoundsNotShown", first - 1);
        }
      }
      Map<Long, ModelReader.Round> rounds = new LinkedHashMap<>();
      for (long n = first; n <= last; n++) {
        rounds.put(n, reader.round(model, n));
      }
      Map<Address, BigInteger> reputations = new HashMap<>();
      if (contributor != null) {
        result
            .putObject("contributor")
            .put("address", contributor.toHexString())
            .put("reputation", reputations.computeIfAbsent(contributor, reader::reputation));
      }
      ArrayNode list = result.putArray("rounds");
      for (ModelReader.Round r : rounds.values()) {
        ObjectNode json = roundJson(r, head);
        ArrayNode updates = json.putArray("updates");
        List<Address> who =
            contributor != null ? List.of(contributor) : reader.submitters(model, r.number());
        for (Address account : who) {
          ModelReader.Update u = reader.update(model, r.number(), account);
          if (u.status() != ModelReader.Update.NONE) {
            ObjectNode update = updateJson(u);
            putTaint(update, reader, r.number(), account);
            update.put("reputation", reputations.computeIfAbsent(account, reader::reputation));
            updates.add(update);
          }
        }
        list.add(json);
      }
      ledger.output().print(result);
    }
    return 0;
  }

  private static ObjectNode roundJson(ModelReader.Round r, long head) {
    return Output.object()
        .put("round", r.number())
        .put("status", r.statusName())
        .put("acceptingUpdates", r.status() == ModelReader.Round.OPEN && head < r.deadlineBlock())
        .put("baseModelHash", r.baseModelHash().toHexString())
        .put("rewardPool", JsonValues.tokens(r.rewardPool()))
        .put("deadlineBlock", r.deadlineBlock())
        .put("submissions", r.submissions())
        .put("accepted", r.accepted())
        .put("minted", JsonValues.tokens(r.minted()))
        .put("aggregateHash", r.aggregateHash().toHexString());
  }

  private static ObjectNode updateJson(ModelReader.Update u) {
    ObjectNode json =
        Output.object()
            .put("contributor", u.contributor().toHexString())
            .put("status", u.statusName())
            .put("updateHash", u.updateHash().toHexString());
    ArrayNode datasets = json.putArray("datasetIds");
    u.datasetIds().stream().map(Bytes32::toHexString).forEach(datasets::add);
    return json.put("sampleCount", u.sampleCount())
        .put("metricsHash", u.metricsHash().toHexString())
        .put("submittedAtBlock", u.submittedAtBlock())
        .put("reward", JsonValues.tokens(u.reward()));
  }

  /**
   * A lineage too large to walk must not hide the rest of the model, so it is reported in place.
   */
  private void putTaint(ObjectNode update, ModelReader reader, long number, Address account) {
    try {
      update.put("tainted", reader.updateTainted(model, number, account));
    } catch (ClientException e) {
      update.putNull("tainted");
      update.put("taintUnknown", e.getMessage());
    }
  }
}

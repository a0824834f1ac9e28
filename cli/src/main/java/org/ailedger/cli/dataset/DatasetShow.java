package org.ailedger.cli.dataset;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ailedger.cli.client.LedgerClient;
import org.ailedger.cli.client.LedgerId;
import org.ailedger.cli.client.LedgerOptions;
import org.ailedger.cli.client.Output;
import org.apache.tuweni.bytes.Bytes32;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description =
        "Shows a dataset's attestation, endorsements, revocation and taint, and its direct parents and children.")
final class DatasetShow implements Callable<Integer> {
  @Mixin LedgerOptions ledger;

  @Option(
      names = "--dataset",
      required = true,
      paramLabel = "ID",
      converter = LedgerId.Converter.class,
      description = "The dataset: 0x and 64 hex digits, or the name it was attested under.")
  LedgerId dataset;

  @Override
  public Integer call() {
    try (LedgerClient client = ledger.connect()) {
      DatasetReader reader = new DatasetReader(client);
      DatasetReader.Dataset d = reader.dataset(dataset);
      Optional<Bytes32> taint = reader.taintSource(dataset.value());
      ObjectNode result =
          dataset
              .describeAs(Output.object(), "datasetId")
              .put("owner", d.owner().toHexString())
              .put("contentHash", d.contentHash().toHexString())
              .put("uri", d.uri())
              .put("license", d.license())
              .put("attestedAtBlock", d.attestedAtBlock())
              .put("endorsements", d.endorsements())
              .put("revoked", d.revoked())
              .put("tainted", taint.isPresent());
      if (taint.isPresent()) {
        result.put("taintSource", taint.get().toHexString());
      } else {
        result.putNull("taintSource");
      }
      ArrayNode parents = result.putArray("parents");
      reader.parents(dataset.value()).forEach(p -> parents.add(p.toHexString()));
      ArrayNode children = result.putArray("children");
      reader.children(dataset.value()).forEach(c -> children.add(c.toHexString()));
      ledger.output().print(result);
    }
    return 0;
  }
}

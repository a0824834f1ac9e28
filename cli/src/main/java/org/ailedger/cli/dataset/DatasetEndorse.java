package org.ailedger.cli.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.ailedger.cli.client.LedgerClient;
import org.ailedger.cli.client.LedgerId;
import org.ailedger.cli.client.LedgerOptions;
import org.ailedger.cli.client.Output;
import org.ailedger.cli.client.TransactionReport;
import org.ailedger.precompiles.NativeAddresses;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "endorse",
    mixinStandardHelpOptions = true,
    description = "Endorses a dataset as audited (the signer needs AUDITOR; once per auditor).")
final class DatasetEndorse implements Callable<Integer> {
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
      String data = client.provenance().endorse(dataset.bytes()).encodeFunctionCall();
      TransactionReceipt receipt = client.send(NativeAddresses.DATA_PROVENANCE, data);
      ObjectNode result =
          dataset
              .describeAs(Output.object(), "datasetId")
              .put("auditor", client.sender().toHexString());
      ledger.output().print(TransactionReport.describe(receipt, result));
    }
    return 0;
  }
}

package org.ailedger.cli.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
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
    name = "revoke",
    mixinStandardHelpOptions = true,
    description = {
      "Revokes a dataset: it and every dataset derived from it become tainted, and updates citing",
      "them are flagged (the signer must be the dataset's owner or an AUDITOR)."
    })
final class DatasetRevoke implements Callable<Integer> {
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
      names = "--reason",
      paramLabel = "TEXT",
      description = "Why; its keccak256 is recorded (the text is not).")
  String reason;

  @Option(
      names = "--reason-hash",
      paramLabel = "0x…",
      converter = LedgerId.HashConverter.class,
      description = "Hash of an off-chain statement of why (default: zero).")
  Bytes32 reasonHash;

  @Override
  public Integer call() {
    if (reason != null && reasonHash != null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--reason and --reason-hash are mutually exclusive: give one");
    }
    Bytes32 why =
        reason != null ? LedgerId.keccak(reason) : reasonHash != null ? reasonHash : Bytes32.ZERO;
    try (LedgerClient client = ledger.connect()) {
      String data = client.provenance().revoke(dataset.bytes(), why.toArray()).encodeFunctionCall();
      TransactionReceipt receipt = client.send(NativeAddresses.DATA_PROVENANCE, data);
      ObjectNode result =
          dataset
              .describeAs(Output.object(), "datasetId")
              .put("revokedBy", client.sender().toHexString())
              .put("reasonHash", why.toHexString());
      ledger.output().print(TransactionReport.describe(receipt, result));
    }
    return 0;
  }
}

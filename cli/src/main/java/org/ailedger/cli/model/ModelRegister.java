package org.ailedger.cli.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.ailedger.cli.client.Accounts;
import org.ailedger.cli.client.LedgerClient;
import org.ailedger.cli.client.LedgerId;
import org.ailedger.cli.client.LedgerOptions;
import org.ailedger.cli.client.Output;
import org.ailedger.cli.client.TransactionReport;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.types.Address;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "register",
    mixinStandardHelpOptions = true,
    description = "Registers a model and names its aggregator (the signer needs MODEL_OWNER).")
final class ModelRegister implements Callable<Integer> {
  @Mixin LedgerOptions ledger;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "ID",
      converter = LedgerId.Converter.class,
      description = "New model id: 0x and 64 hex digits, or a name (its keccak256 becomes the id).")
  LedgerId model;

  @Option(
      names = "--aggregator",
      required = true,
      paramLabel = "ADDR",
      converter = Accounts.AddressConverter.class,
      description = "Account that opens and finalizes rounds; must hold AGGREGATOR.")
  Address aggregator;

  @Option(
      names = "--metadata-uri",
      paramLabel = "URI",
      defaultValue = "",
      description = "Where the model's description lives off chain.")
  String metadataUri;

  @Override
  public Integer call() {
    try (LedgerClient client = ledger.connect()) {
      String data =
          client
              .models()
              .registerModel(model.bytes(), metadataUri, aggregator.toHexString())
              .encodeFunctionCall();
      TransactionReceipt receipt = client.send(NativeAddresses.MODEL_REGISTRY, data);
      ObjectNode result =
          model
              .describeAs(Output.object(), "modelId")
              .put("owner", client.sender().toHexString())
              .put("aggregator", aggregator.toHexString())
              .put("metadataUri", metadataUri);
      ledger.output().print(TransactionReport.describe(receipt, result));
    }
    return 0;
  }
}

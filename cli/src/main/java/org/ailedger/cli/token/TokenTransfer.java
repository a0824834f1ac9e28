package org.ailedger.cli.token;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.ailedger.cli.client.Accounts;
import org.ailedger.cli.client.LedgerClient;
import org.ailedger.cli.client.LedgerOptions;
import org.ailedger.cli.client.Output;
import org.ailedger.cli.client.TokenAmount;
import org.ailedger.cli.client.TransactionReport;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.types.Address;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "transfer",
    mixinStandardHelpOptions = true,
    description = "Sends ACT from the signer to a permitted account.")
final class TokenTransfer implements Callable<Integer> {
  @Mixin LedgerOptions ledger;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "ADDR",
      converter = Accounts.AddressConverter.class,
      description = "The recipient; must be a permitted account.")
  Address to;

  @Option(
      names = "--amount",
      required = true,
      paramLabel = "TOKENS",
      converter = TokenAmount.Converter.class,
      description = "Decimal tokens, e.g. 12.5 (at most 18 decimals).")
  TokenAmount amount;

  @Override
  public Integer call() {
    try (LedgerClient client = ledger.connect()) {
      String data =
          client.token().transfer(to.toHexString(), amount.baseUnits()).encodeFunctionCall();
      TransactionReceipt receipt = client.send(NativeAddresses.CONTRIBUTION_TOKEN, data);
      ObjectNode result =
          Output.object()
              .put("from", client.sender().toHexString())
              .put("to", to.toHexString())
              .put("amount", amount.toString());
      ledger.output().print(TransactionReport.describe(receipt, result));
    }
    return 0;
  }
}

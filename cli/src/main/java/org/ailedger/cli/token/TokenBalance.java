package org.ailedger.cli.token;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.concurrent.Callable;
import org.ailedger.chaincode.bindings.ContributionToken;
import org.ailedger.cli.client.Accounts;
import org.ailedger.cli.client.JsonValues;
import org.ailedger.cli.client.LedgerClient;
import org.ailedger.cli.client.LedgerOptions;
import org.ailedger.cli.client.Output;
import org.ailedger.types.Address;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "balance",
    mixinStandardHelpOptions = true,
    description = "Shows an account's ACT balance, now or at the end of a past block.")
final class TokenBalance implements Callable<Integer> {
  @Mixin LedgerOptions ledger;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--account",
      paramLabel = "ADDR",
      converter = Accounts.AddressConverter.class,
      description = "The account (default: the --key/--key-file account).")
  Address account;

  @Option(
      names = "--block",
      paramLabel = "N",
      description = "A mined block: the balance after it (default: now).")
  Long block;

  @Override
  public Integer call() {
    if (block != null && block < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--block must not be negative");
    }
    try (LedgerClient client = ledger.connect()) {
      Address who = Accounts.givenOrOwn(account, client, spec.commandLine(), "balance");
      ContributionToken token = client.token();
      BigInteger balance =
          block == null
              ? client.view(token.balanceOf(who.toHexString()))
              : client.view(token.getPastBalance(who.toHexString(), BigInteger.valueOf(block)));
      ObjectNode result =
          Output.object()
              .put("account", who.toHexString())
              .put("balance", JsonValues.tokens(balance))
              .put("symbol", client.view(token.symbol()));
      if (block != null) {
        result.put("atBlock", block);
      }
      ledger.output().print(result);
    }
    return 0;
  }
}

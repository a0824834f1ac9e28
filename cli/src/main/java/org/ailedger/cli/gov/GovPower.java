package org.ailedger.cli.gov;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ailedger.cli.client.Accounts;
import org.ailedger.cli.client.ClientException;
import org.ailedger.cli.client.LedgerClient;
import org.ailedger.cli.client.LedgerOptions;
import org.ailedger.cli.client.Output;
import org.ailedger.precompiles.governance.Parameter;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "power",
    mixinStandardHelpOptions = true,
    description = {
      "Shows an account's voting power after a block, worked out step by step: its",
      "member's raw balance, the square root, Q, the cap from the current capBps, and",
      "min(root, cap) beside the governor's own votingPower, so the two can be",
      "compared. A proposal's votes use the cap fixed when it was made."
    })
final class GovPower implements Callable<Integer> {
  private static final BigInteger ALL_BPS = BigInteger.valueOf(10_000);

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
      description = "A mined block: the power after it (default: the block before the latest).")
  Long block;

  @Override
  public Integer call() {
    if (block != null && block < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--block must not be negative");
    }
    try (LedgerClient client = ledger.connect()) {
      Address who = Accounts.givenOrOwn(account, client, spec.commandLine(), "power");
      GovernorReader reader = GovernorReader.atHead(client);
      long at = block != null ? block : Math.max(0, reader.head() - 1);
      if (at > reader.head()) {
        throw new ClientException(
            "block " + at + " is not mined yet; the latest block is " + reader.head());
      }
      Optional<Bytes32> member = reader.memberOf(who);
      BigInteger raw = member.map(m -> reader.pastMemberBalance(m, at)).orElse(BigInteger.ZERO);
      BigInteger quadraticTotal = reader.pastQuadraticTotal(at);
      BigInteger capBps = reader.parameter(Parameter.CAP_BPS);
      VoteWeight computed = VoteWeight.of(raw, capBps.multiply(quadraticTotal).divide(ALL_BPS));
      BigInteger power = reader.votingPower(who, at);
      ObjectNode result = Output.object().put("account", who.toHexString());
      if (member.isPresent()) {
        result
            .put("member", GovernanceNames.memberName(member.get()))
            .put("memberId", member.get().toHexString());
      } else {
        result.putNull("member").put("note", "not a permitted account, so it has no voting power");
      }
      result
          .put("block", at)
          .put("quadraticTotal", quadraticTotal.toString())
          .put("capBps", capBps.toString());
      computed.describe(result);
      result.put("votingPower", power.toString()).put("agrees", power.equals(computed.weight()));
      ledger.output().print(result);
    }
    return 0;
  }
}

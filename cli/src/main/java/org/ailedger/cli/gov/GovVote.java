package org.ailedger.cli.gov;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ailedger.chaincode.bindings.QuadraticGovernor;
import org.ailedger.cli.client.ClientException;
import org.ailedger.cli.client.LedgerClient;
import org.ailedger.cli.client.LedgerOptions;
import org.ailedger.cli.client.Output;
import org.ailedger.cli.client.TransactionReport;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.precompiles.governor.Support;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "vote",
    mixinStandardHelpOptions = true,
    description = {
      "Votes on an active proposal for the signer's member, with weight",
      "min(isqrt(raw), cap): raw is the member's token balance at the proposal's",
      "snapshot block, and the cap was fixed when the proposal was made. Shows the raw",
      "balance, its square root, the cap and the weight before sending. A member",
      "votes once, through any of its accounts."
    })
final class GovVote implements Callable<Integer> {
  @Mixin LedgerOptions ledger;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--proposal", required = true, paramLabel = "N", description = "The proposal id.")
  long proposalId;

  @Option(
      names = "--support",
      required = true,
      paramLabel = "for|against|abstain",
      converter = GovernanceNames.SupportConverter.class,
      description = "The vote; abstaining counts toward the quorum only.")
  Support support;

  @Override
  public Integer call() {
    ProposalIds.require(spec, proposalId);
    try (LedgerClient client = ledger.connect()) {
      Address voter = client.sender();
      GovernorReader reader = GovernorReader.atHead(client);
      ProposalView proposal = reader.proposal(proposalId);
      Bytes32 member =
          reader
              .memberOf(voter)
              .orElseThrow(
                  () ->
                      new ClientException(
                          "account "
                              + voter
                              + " is not a permitted account; only members' accounts may vote"));
      VoteWeight expected =
          VoteWeight.of(reader.pastMemberBalance(member, proposal.snapshotBlock()), proposal.cap());
      ObjectNode result =
          Output.object()
              .put("proposalId", proposalId)
              .put("action", proposal.action().get("summary").asText())
              .put("support", support.name().toLowerCase(Locale.ROOT))
              .put("voter", voter.toHexString())
              .put("member", GovernanceNames.memberName(member))
              .put("memberId", member.toHexString())
              .put("snapshotBlock", proposal.snapshotBlock())
              .put("quadraticTotal", proposal.quadraticTotal().toString());
      expected.describe(result);
      Output output = ledger.output();
      if (!ledger.json()) {
        output.print(result); // the weight is shown before anything is signed
        result = Output.object();
      }
      String data =
          reader
              .governor()
              .castVote(BigInteger.valueOf(proposalId), BigInteger.valueOf(support.code()))
              .encodeFunctionCall();
      TransactionReceipt receipt = send(client, data, member);
      BigInteger recorded = recordedWeight(receipt);
      result
          .put("recordedWeight", recorded.toString())
          .put("matchesPreview", recorded.equals(expected.weight()));
      output.print(TransactionReport.describe(receipt, result));
    }
    return 0;
  }

  /**
   * Sends the vote; the contract names members in hex, so a refusal also gets the member's name.
   */
  private static TransactionReceipt send(LedgerClient client, String data, Bytes32 member) {
    try {
      return client.send(NativeAddresses.QUADRATIC_GOVERNOR, data);
    } catch (ClientException e) {
      String name = GovernanceNames.memberName(member);
      if (e.getMessage().contains(member.toHexString()) && !name.equals(member.toHexString())) {
        throw new ClientException(
            e.getMessage() + " (member " + member.toHexString() + " is " + name + ")");
      }
      throw e;
    }
  }

  private static BigInteger recordedWeight(TransactionReceipt receipt) {
    return QuadraticGovernor.getVoteCastEvents(receipt).stream()
        .filter(e -> NativeAddresses.QUADRATIC_GOVERNOR.equals(Address.fromHex(e.log.getAddress())))
        .map(e -> e.weight)
        .findFirst()
        .orElseThrow(
            () ->
                new ClientException(
                    "transaction "
                        + receipt.getTransactionHash()
                        + " was mined but its receipt has no VoteCast event"));
  }
}

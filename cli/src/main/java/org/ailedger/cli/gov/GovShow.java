package org.ailedger.cli.gov;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ailedger.cli.client.LedgerClient;
import org.ailedger.cli.client.LedgerOptions;
import org.ailedger.cli.client.Output;
import org.ailedger.precompiles.governor.ProposalState;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Shows a proposal: state, action, schedule, quorum, cap, tallies, each member's",
      "vote and when its state changes next. Without --proposal, lists the latest",
      GovShow.MAX_LISTED + " proposals, one a line."
    })
final class GovShow implements Callable<Integer> {
  /** Without --proposal, the latest proposals listed; older ones are one --proposal away. */
  static final int MAX_LISTED = 20;

  private static final int DESCRIPTION_CHARS = 48;

  @Mixin LedgerOptions ledger;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--proposal",
      paramLabel = "N",
      description = "The proposal (default: list the latest).")
  Long proposalId;

  @Override
  public Integer call() {
    if (proposalId != null) {
      ProposalIds.require(spec, proposalId);
    }
    try (LedgerClient client = ledger.connect()) {
      GovernorReader reader = GovernorReader.atHead(client);
      if (proposalId != null) {
        ledger.output().print(detail(reader, proposalId));
      } else {
        list(reader);
      }
    }
    return 0;
  }

  private static ObjectNode detail(GovernorReader reader, long id) {
    ProposalView proposal = reader.proposal(id);
    ProposalState state = reader.state(id);
    GovernorReader.Votes votes = reader.votes(id);
    ObjectNode result = Output.object().put("proposalId", id).put("state", state.label());
    result.set("action", proposal.action());
    proposal.describeTerms(result);
    result
        .putObject("votes")
        .put("against", votes.against().toString())
        .put("for", votes.forVotes().toString())
        .put("abstain", votes.abstain().toString())
        .put("turnout", votes.turnout().toString());
    boolean passing = votes.passes(proposal.quorum());
    result
        .put("quorumMet", votes.turnout().compareTo(proposal.quorum()) >= 0)
        .put("majorityFor", votes.forVotes().compareTo(votes.against()) > 0)
        .put("head", reader.head());
    Optional<StateChange> next = StateChange.after(state, proposal, passing);
    if (next.isPresent()) {
      result
          .put("nextState", next.get().state().label())
          .put("nextStateAtBlock", next.get().atBlock())
          .put("blocksUntilNextState", next.get().blocksAfter(reader.callBlock()));
      if (state == ProposalState.ACTIVE) {
        result.put("nextStateAsVotesStand", true);
      }
    } else {
      result.putNull("nextState");
    }
    ArrayNode ballots = result.putArray("ballots");
    for (GovernorReader.Ballot ballot : reader.ballots(id)) {
      ballots
          .addObject()
          .put("member", GovernanceNames.memberName(ballot.memberId()))
          .put("memberId", ballot.memberId().toHexString())
          .put("voter", ballot.voter().toHexString())
          .put("support", GovernanceNames.supportName(ballot.support()))
          .put("weight", ballot.weight().toString());
    }
    return result;
  }

  private void list(GovernorReader reader) {
    long count = reader.proposalCount();
    long first = Math.max(1, count - MAX_LISTED + 1);
    ObjectNode result = Output.object().put("proposalCount", count).put("head", reader.head());
    ArrayNode proposals = result.putArray("proposals");
    List<String> lines = new ArrayList<>();
    lines.add(
        count == 0
            ? "no proposals yet"
            : "proposals "
                + first
                + " to "
                + count
                + " of "
                + count
                + ", newest first (head block "
                + reader.head()
                + "):");
    for (long id = count; id >= first; id--) {
      ProposalView proposal = reader.proposal(id);
      ProposalState state = reader.state(id);
      String summary = proposal.action().get("summary").asText();
      proposals
          .addObject()
          .put("proposalId", id)
          .put("state", state.label())
          .put("kind", proposal.kind().label())
          .put("action", summary)
          .put("member", GovernanceNames.memberName(proposal.memberId()))
          .put("voteStart", proposal.voteStart())
          .put("voteEnd", proposal.voteEnd())
          .put("eta", proposal.eta())
          .put("description", proposal.description());
      lines.add(
          String.format(
              "  #%-4d %-9s votes %d-%d  %s%s",
              id,
              state.label(),
              proposal.voteStart(),
              proposal.voteEnd(),
              summary,
              quoted(proposal.description())));
    }
    if (first > 1) {
      result.put("earlierProposalsNotShown", first - 1);
      lines.add("  (" + (first - 1) + " earlier; show one with --proposal N)");
    }
    ledger.output().print(result, lines);
  }

  private static String quoted(String description) {
    if (description.isEmpty()) {
      return "";
    }
    String line = description.replaceAll("\\s+", " ").strip();
    return "  \""
        + (line.length() > DESCRIPTION_CHARS
            ? line.substring(0, DESCRIPTION_CHARS - 1) + "…"
            : line)
        + "\"";
  }
}

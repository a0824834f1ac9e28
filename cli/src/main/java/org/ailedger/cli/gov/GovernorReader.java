package org.ailedger.cli.gov;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ailedger.chaincode.bindings.ContributionToken;
import org.ailedger.chaincode.bindings.Permissions;
import org.ailedger.chaincode.bindings.QuadraticGovernor;
import org.ailedger.cli.client.ClientException;
import org.ailedger.cli.client.LedgerClient;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.precompiles.governance.Parameter;
import org.ailedger.precompiles.governor.ProposalKind;
import org.ailedger.precompiles.governor.ProposalState;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.tx.gas.StaticGasProvider;

/**
 * Reads the governor, the token and Permissions through their bindings, every view at one block, so
 * the figures a command shows side by side (a state and its tallies, a balance and Q) are from the
 * same state. A call at block {@code head} runs as the next block, {@code head + 1}, would: the
 * block a transaction sent now lands in first.
 */
final class GovernorReader {
  private final LedgerClient client;
  private final long head;
  private final QuadraticGovernor governor;
  private final ContributionToken token;
  private final Permissions permissions;
  private Long graceBlocks;

  private GovernorReader(LedgerClient client, long head) {
    this.client = client;
    this.head = head;
    StaticGasProvider noGas = new StaticGasProvider(BigInteger.ZERO, BigInteger.ZERO);
    DefaultBlockParameter at = DefaultBlockParameter.valueOf(BigInteger.valueOf(head));
    governor =
        QuadraticGovernor.load(
            NativeAddresses.QUADRATIC_GOVERNOR.toHexString(),
            client.web3j(),
            client.reader(),
            noGas);
    token =
        ContributionToken.load(
            NativeAddresses.CONTRIBUTION_TOKEN.toHexString(),
            client.web3j(),
            client.reader(),
            noGas);
    permissions =
        Permissions.load(
            NativeAddresses.PERMISSIONS.toHexString(), client.web3j(), client.reader(), noGas);
    governor.setDefaultBlockParameter(at);
    token.setDefaultBlockParameter(at);
    permissions.setDefaultBlockParameter(at);
  }

  /** Views at the latest block. */
  static GovernorReader atHead(LedgerClient client) {
    return new GovernorReader(client, client.head());
  }

  /** The latest block when this reader was made; its views see it. */
  long head() {
    return head;
  }

  /** The number of the block the views run in. */
  long callBlock() {
    return head + 1;
  }

  /** For building call data; the binding's writes are sent through the client. */
  QuadraticGovernor governor() {
    return governor;
  }

  long proposalCount() {
    return client.view(governor.proposalCount()).longValueExact();
  }

  /**
   * @throws ClientException with the contract's reason if the proposal does not exist
   */
  ProposalView proposal(long id) {
    var p = client.view(governor.getProposal(BigInteger.valueOf(id)));
    ProposalKind kind =
        ProposalKind.fromCode(UInt256.valueOf(p.component3()))
            .orElseThrow(
                () ->
                    new ClientException(
                        "proposal "
                            + id
                            + " has kind "
                            + p.component3()
                            + ", which this version of ailedger does not know"));
    long eta = p.component9().longValueExact();
    return new ProposalView(
        id,
        Address.fromHex(p.component1()),
        Bytes32.wrap(p.component2()),
        kind,
        Bytes.wrap(p.component4()),
        p.component5(),
        p.component6().longValueExact(),
        p.component7().longValueExact(),
        p.component8().longValueExact(),
        eta,
        eta + graceBlocks(),
        p.component10(),
        p.component11(),
        p.component12());
  }

  ProposalState state(long id) {
    BigInteger code = client.view(governor.state(BigInteger.valueOf(id)));
    return GovernanceNames.state(code.longValueExact())
        .orElseThrow(
            () ->
                new ClientException(
                    "proposal "
                        + id
                        + " is in state "
                        + code
                        + ", which this version of ailedger does not know"));
  }

  /** The votes cast so far: against, for, abstain. */
  Votes votes(long id) {
    var v = client.view(governor.proposalVotes(BigInteger.valueOf(id)));
    return new Votes(v.component1(), v.component2(), v.component3());
  }

  /** How every member that voted did, in the order Permissions lists members. */
  List<Ballot> ballots(long id) {
    List<Ballot> ballots = new ArrayList<>();
    for (Object member : client.view(permissions.getMembers())) {
      Bytes32 memberId = Bytes32.wrap((byte[]) member);
      var r = client.view(governor.getReceipt(BigInteger.valueOf(id), memberId.toArray()));
      if (r.component1()) {
        ballots.add(
            new Ballot(
                memberId,
                Address.fromHex(r.component2()),
                r.component3().longValueExact(),
                r.component4()));
      }
    }
    return ballots;
  }

  BigInteger parameter(Parameter parameter) {
    return client.view(governor.getParameter(parameter.key().toArray()));
  }

  /** A constant of the node, read once. */
  private long graceBlocks() {
    if (graceBlocks == null) {
      graceBlocks = client.view(governor.EXECUTION_GRACE_BLOCKS()).longValueExact();
    }
    return graceBlocks;
  }

  /** The account's member, or empty if it is not a permitted account. */
  Optional<Bytes32> memberOf(Address account) {
    Bytes32 member = Bytes32.wrap(client.view(permissions.memberOf(account.toHexString())));
    return member.isZero() ? Optional.empty() : Optional.of(member);
  }

  boolean hasRole(Bytes32 role, Address account) {
    return client.view(permissions.hasRole(role.toArray(), account.toHexString()));
  }

  /** raw(m) after {@code block}: the sum of the member's balances, in base units. */
  BigInteger pastMemberBalance(Bytes32 member, long block) {
    return client.view(token.getPastMemberBalance(member.toArray(), BigInteger.valueOf(block)));
  }

  /** Q after {@code block}. */
  BigInteger pastQuadraticTotal(long block) {
    return client.view(token.getPastQuadraticTotal(BigInteger.valueOf(block)));
  }

  /** The governor's own figure for the account's capped power after {@code block}. */
  BigInteger votingPower(Address account, long block) {
    return client.view(governor.votingPower(account.toHexString(), BigInteger.valueOf(block)));
  }

  /** The weights cast on a proposal, by side. */
  record Votes(BigInteger against, BigInteger forVotes, BigInteger abstain) {
    BigInteger turnout() {
      return against.add(forVotes).add(abstain);
    }

    /** The governor's rule: more for than against, and turnout at or above the quorum. */
    boolean passes(BigInteger quorum) {
      return forVotes.compareTo(against) > 0 && turnout().compareTo(quorum) >= 0;
    }
  }

  /** One member's vote on a proposal. */
  record Ballot(Bytes32 memberId, Address voter, long support, BigInteger weight) {}
}

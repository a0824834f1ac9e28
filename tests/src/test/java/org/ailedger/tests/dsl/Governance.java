package org.ailedger.tests.dsl;

import java.util.Arrays;
import org.web3j.crypto.Hash;

/**
 * The QuadraticGovernor native contract as a command-line client addresses it: its address, the
 * signatures of IQuadraticGovernor exactly as cast takes them, event topics, and the numeric codes
 * of proposal kinds, vote support and proposal states. Written from the published interface.
 */
public final class Governance {
  public static final String ADDRESS = "0x0000000000000000000000000000000000001004";

  public static final String PROPOSE = "propose(uint8,bytes,string)";
  public static final String CAST_VOTE = "castVote(uint256,uint8)";
  public static final String EXECUTE = "execute(uint256)";
  public static final String STATE = "state(uint256)(uint8)";
  public static final String PROPOSAL_COUNT = "proposalCount()(uint256)";
  public static final String PROPOSAL_VOTES = "proposalVotes(uint256)(uint256,uint256,uint256)";
  public static final String GET_PARAMETER = "getParameter(bytes32)(uint256)";

  /**
   * Returns (proposer, memberId, kind, payload, description, snapshotBlock, voteStart, voteEnd,
   * eta, quorum, cap, quadraticTotal).
   */
  public static final String GET_PROPOSAL =
      "getProposal(uint256)(address,bytes32,uint8,bytes,string,uint64,uint64,uint64,uint64,"
          + "uint256,uint256,uint256)";

  /** Events with their indexed markers, the form {@code cast logs} needs to filter on topics. */
  public static final String PROPOSAL_CREATED_EVENT =
      "ProposalCreated(uint256 indexed proposalId,address indexed proposer,"
          + "bytes32 indexed memberId,uint8 kind,bytes payload,string description,"
          + "uint64 snapshotBlock,uint64 voteStart,uint64 voteEnd,uint256 quadraticTotal)";

  public static final String VOTE_CAST_EVENT =
      "VoteCast(uint256 indexed proposalId,address indexed voter,bytes32 indexed memberId,"
          + "uint8 support,uint256 weight,uint256 rawBalance)";

  public static final String PROPOSAL_CREATED_TOPIC =
      Hash.sha3String(
          "ProposalCreated(uint256,address,bytes32,uint8,bytes,string,uint64,uint64,uint64,uint256)");
  public static final String VOTE_CAST_TOPIC =
      Hash.sha3String("VoteCast(uint256,address,bytes32,uint8,uint256,uint256)");
  public static final String PROPOSAL_EXECUTED_TOPIC = Hash.sha3String("ProposalExecuted(uint256)");

  /** Proposal kind GrantRole; its payload is {@code abi.encode(bytes32 role, address account)}. */
  public static final int KIND_GRANT_ROLE = 3;

  /** Vote support codes of {@code castVote}. */
  public static final int AGAINST = 0;

  public static final int FOR = 1;
  public static final int ABSTAIN = 2;

  /** What {@code state(uint256)} answers; the code is the enum's position. */
  public enum ProposalState {
    PENDING,
    ACTIVE,
    CANCELED,
    DEFEATED,
    SUCCEEDED,
    QUEUED,
    EXPIRED,
    EXECUTED;

    public int code() {
      return ordinal();
    }

    /** The state of {@code code}; fails the test for a code the interface does not document. */
    public static ProposalState of(int code) {
      ProposalState[] all = values();
      if (code < 0 || code >= all.length) {
        throw new AssertionError(
            "state " + code + " is none of the documented states " + Arrays.toString(all));
      }
      return all[code];
    }
  }

  private Governance() {}
}

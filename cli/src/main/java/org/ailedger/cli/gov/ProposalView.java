package org.ailedger.cli.gov;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import org.ailedger.precompiles.governor.ProposalKind;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A proposal as {@code getProposal} answers it, with the expiry the grace period gives it.
 *
 * @param snapshotBlock creation block − 1: the balances that count
 * @param voteStart the first block votes are accepted in
 * @param voteEnd the last block votes are accepted in
 * @param eta the first block a passed proposal may be executed in
 * @param expiresAt the first block a passed, unexecuted proposal is Expired in
 * @param quorum the turnout (for + against + abstain) it needs
 * @param cap the largest weight any member votes with on it: capBps · Q / 10000 at creation
 * @param quadraticTotal Q at the snapshot block
 */
record ProposalView(
    long id,
    Address proposer,
    Bytes32 memberId,
    ProposalKind kind,
    Bytes payload,
    String description,
    long snapshotBlock,
    long voteStart,
    long voteEnd,
    long eta,
    long expiresAt,
    BigInteger quorum,
    BigInteger cap,
    BigInteger quadraticTotal) {

  ProposalView {
    if (proposer == null
        || memberId == null
        || kind == null
        || payload == null
        || description == null
        || quorum == null
        || cap == null
        || quadraticTotal == null) {
      throw new IllegalArgumentException("every field of a proposal is required");
    }
  }

  /** The payload decoded, with a one-line summary. */
  ObjectNode action() {
    return ProposalPayload.describe(kind, payload);
  }

  /** Who proposed it, its terms and schedule, as fields of {@code into}. */
  ObjectNode describeTerms(ObjectNode into) {
    into.put("proposer", proposer.toHexString())
        .put("member", GovernanceNames.memberName(memberId))
        .put("memberId", memberId.toHexString())
        .put("description", description)
        .put("snapshotBlock", snapshotBlock)
        .put("voteStart", voteStart)
        .put("voteEnd", voteEnd)
        .put("eta", eta)
        .put("expiresAt", expiresAt)
        .put("quadraticTotal", quadraticTotal.toString())
        .put("quorum", quorum.toString())
        .put("cap", cap.toString());
    return into;
  }
}

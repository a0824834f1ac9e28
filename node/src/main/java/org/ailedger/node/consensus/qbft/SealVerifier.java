package org.ailedger.node.consensus.qbft;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.block.QbftExtraData;
import org.ailedger.node.chain.BlockRejection;
import org.ailedger.node.chain.BlockRejection.Reason;
import org.ailedger.node.chain.SealRule;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * QBFT's seal rule: a header carries committed seals from a quorum of distinct validators of the
 * set named by its parent's extra-data, each over the header's committed-seal hash.
 */
public final class SealVerifier implements SealRule {
  private final CommitSeals seals;

  public SealVerifier(CommitSeals seals) {
    this.seals = seals;
  }

  @Override
  public Optional<BlockRejection> check(BlockHeader header, BlockHeader parent) {
    List<Address> validators;
    QbftExtraData extra;
    try {
      validators = parent.qbftExtraData().validators();
      extra = header.qbftExtraData();
    } catch (IllegalArgumentException e) {
      return fail(
          Reason.MALFORMED_EXTRA_DATA,
          "block " + header.number() + " has malformed extra-data: " + e.getMessage());
    }
    Bytes32 hash = header.committedSealHash();
    Set<Address> signers = new HashSet<>();
    for (Bytes seal : extra.seals()) {
      Optional<Address> signer = seals.signer(hash, seal);
      if (signer.isEmpty()) {
        return fail(
            Reason.INVALID_SEAL,
            "block " + header.number() + " carries an unrecoverable committed seal");
      }
      if (!validators.contains(signer.get())) {
        return fail(
            Reason.SEAL_BY_NON_VALIDATOR,
            "block " + header.number() + " is sealed by " + signer.get() + ", not a validator");
      }
      if (!signers.add(signer.get())) {
        return fail(
            Reason.DUPLICATE_SEAL,
            "block " + header.number() + " carries two seals of " + signer.get());
      }
    }
    int quorum = CommitSeals.quorum(validators.size());
    if (signers.size() < quorum) {
      return fail(
          Reason.TOO_FEW_SEALS,
          "block "
              + header.number()
              + " has "
              + signers.size()
              + " committed seals, needs "
              + quorum);
    }
    return Optional.empty();
  }

  private static Optional<BlockRejection> fail(Reason reason, String message) {
    return Optional.of(new BlockRejection(reason, message));
  }
}

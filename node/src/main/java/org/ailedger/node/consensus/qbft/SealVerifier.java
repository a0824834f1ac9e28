package org.ailedger.node.consensus.qbft;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Checks that a header carries committed seals from a quorum of distinct validators of the set
 * named by its parent's extra-data. Returns the reason when it does not.
 */
public final class SealVerifier {
  private final CommitSeals seals;

  public SealVerifier(CommitSeals seals) {
    this.seals = seals;
  }

  public Optional<String> verify(BlockHeader header, List<Address> parentValidators) {
    QbftExtraData extra;
    try {
      extra = header.qbftExtraData();
    } catch (IllegalArgumentException e) {
      return Optional.of(
          "block " + header.number() + " has malformed extra-data: " + e.getMessage());
    }
    Bytes32 hash = header.hash();
    Set<Address> signers = new HashSet<>();
    for (Bytes seal : extra.seals()) {
      Optional<Address> signer = seals.signer(hash, seal);
      if (signer.isEmpty()) {
        return Optional.of("block " + header.number() + " carries an unrecoverable committed seal");
      }
      if (!parentValidators.contains(signer.get())) {
        return Optional.of(
            "block " + header.number() + " is sealed by " + signer.get() + ", not a validator");
      }
      if (!signers.add(signer.get())) {
        return Optional.of("block " + header.number() + " carries two seals of " + signer.get());
      }
    }
    int quorum = CommitSeals.quorum(parentValidators.size());
    if (signers.size() < quorum) {
      return Optional.of(
          "block "
              + header.number()
              + " has "
              + signers.size()
              + " committed seals, needs "
              + quorum);
    }
    return Optional.empty();
  }
}

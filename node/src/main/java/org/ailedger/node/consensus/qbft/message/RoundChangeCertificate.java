package org.ailedger.node.consensus.qbft.message;

import java.util.List;

/**
 * The justification a proposal for a round above 0 carries, written {@code [[signed round change…],
 * [signed prepare…]]}: a quorum of round changes for that round and, when any of them names a
 * prepared block, the prepares of the highest prepared round.
 */
public record RoundChangeCertificate(
    List<SignedPayload<RoundChangePayload>> roundChanges,
    List<SignedPayload<PreparePayload>> prepares) {
  public static final RoundChangeCertificate EMPTY =
      new RoundChangeCertificate(List.of(), List.of());

  public RoundChangeCertificate {
    if (roundChanges == null || prepares == null) {
      throw new IllegalArgumentException("certificate lists must not be null");
    }
    roundChanges = List.copyOf(roundChanges);
    prepares = List.copyOf(prepares);
  }

  public boolean isEmpty() {
    return roundChanges.isEmpty() && prepares.isEmpty();
  }
}

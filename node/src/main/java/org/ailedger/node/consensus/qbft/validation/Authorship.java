package org.ailedger.node.consensus.qbft.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ailedger.node.consensus.qbft.message.SignedPayload;
import org.ailedger.types.Address;

/**
 * The checks every signed payload passes first: a good signature by a validator, at this height.
 */
final class Authorship {
  private Authorship() {}

  /**
   * Valid with the author, or the first failed check. {@code minRound} is 1 for round changes,
   * which never ask for round 0.
   */
  static Verdict check(SignedPayload<?> signed, HeightContext context, int minRound) {
    Optional<Address> author = signed.author();
    if (author.isEmpty()) {
      return Verdict.invalid(Reason.BAD_SIGNATURE, "signature is malformed or has a high s");
    }
    if (!context.isValidator(author.get())) {
      return Verdict.invalid(
          Reason.AUTHOR_NOT_VALIDATOR, author.get() + " is not a validator at this height");
    }
    long height = signed.roundId().height();
    if (height != context.height()) {
      return Verdict.invalid(
          Reason.WRONG_HEIGHT, "height " + height + ", expected " + context.height());
    }
    int round = signed.roundId().round();
    if (round < minRound || round > HeightContext.MAX_ROUND) {
      return Verdict.invalid(
          Reason.ROUND_OUT_OF_RANGE,
          "round " + round + " outside [" + minRound + ", " + HeightContext.MAX_ROUND + "]");
    }
    return new Verdict.Valid(author.get());
  }

  /** Whether two payloads of the list share an author; unsigned ones are caught elsewhere. */
  static boolean hasDuplicateAuthors(List<? extends SignedPayload<?>> payloads) {
    Set<Address> seen = new HashSet<>();
    for (SignedPayload<?> p : payloads) {
      if (p.author().isPresent() && !seen.add(p.author().get())) {
        return true;
      }
    }
    return false;
  }
}

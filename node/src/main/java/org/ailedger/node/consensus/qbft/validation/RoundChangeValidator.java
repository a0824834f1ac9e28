package org.ailedger.node.consensus.qbft.validation;

import java.util.List;
import java.util.Optional;
import org.ailedger.node.block.Block;
import org.ailedger.node.chain.BlockRejection;
import org.ailedger.node.consensus.qbft.message.PreparePayload;
import org.ailedger.node.consensus.qbft.message.PreparedRoundMetadata;
import org.ailedger.node.consensus.qbft.message.RoundChange;
import org.ailedger.node.consensus.qbft.message.RoundChangePayload;
import org.ailedger.node.consensus.qbft.message.RoundId;
import org.ailedger.node.consensus.qbft.message.SignedPayload;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A ROUND_CHANGE asks for a round in [1, {@link HeightContext#MAX_ROUND}] at this height, and a
 * prepared block it carries is justified: named by the signed metadata, prepared in a lower round,
 * hashing to the named hash, with a quorum of prepares for it, and valid on the parent.
 */
public final class RoundChangeValidator {
  private final HeightContext context;
  private final BlockValidity blocks;
  private final PrepareValidator prepares;

  public RoundChangeValidator(HeightContext context, BlockValidity blocks) {
    this.context = context;
    this.blocks = blocks;
    this.prepares = new PrepareValidator(context);
  }

  public Verdict validate(RoundChange message) {
    Verdict payload = validatePayload(message.signed());
    if (!payload.isValid()) {
      return payload;
    }
    Optional<PreparedRoundMetadata> metadata = message.preparedMetadata();
    if (message.preparedBlock().isEmpty()) {
      // like Besu, prepares beside no block are ignored rather than refused
      return metadata.isPresent()
          ? Verdict.invalid(Reason.PREPARED_BLOCK_MISSING, "prepared round named without a block")
          : payload;
    }
    if (metadata.isEmpty()) {
      return Verdict.invalid(
          Reason.UNEXPECTED_PREPARED_BLOCK, "a block is attached but no prepared round named");
    }
    Block block = message.preparedBlock().get();
    Bytes32 hash = block.header().committedSealHash();
    if (!hash.equals(metadata.get().preparedBlockHash())) {
      return Verdict.invalid(
          Reason.PREPARED_BLOCK_MISMATCH,
          "attached block hashes to " + hash + ", not " + metadata.get().preparedBlockHash());
    }
    Optional<Verdict> badCertificate = preparesFailure(message.prepares(), metadata.get());
    if (badCertificate.isPresent()) {
      return badCertificate.get();
    }
    Optional<BlockRejection> rejection = blocks.check(block, context.parent());
    if (rejection.isPresent()) {
      return Verdict.invalid(Reason.BLOCK_INVALID, rejection.get().message());
    }
    return payload;
  }

  /** The signed part alone, as a proposal's certificate carries it. */
  public Verdict validatePayload(SignedPayload<RoundChangePayload> signed) {
    Verdict authorship = Authorship.check(signed, context, 1);
    if (!authorship.isValid()) {
      return authorship;
    }
    Optional<PreparedRoundMetadata> metadata = signed.payload().prepared();
    if (metadata.isPresent() && metadata.get().preparedRound() >= signed.roundId().round()) {
      return Verdict.invalid(
          Reason.PREPARED_ROUND_NOT_BELOW_TARGET,
          "prepared round "
              + metadata.get().preparedRound()
              + " is not below target "
              + signed.roundId().round());
    }
    return authorship;
  }

  /**
   * Why the prepares are not a quorum of distinct, valid prepares for the block, if they are not.
   */
  Optional<Verdict> preparesFailure(
      List<SignedPayload<PreparePayload>> certificate, PreparedRoundMetadata metadata) {
    if (Authorship.hasDuplicateAuthors(certificate)) {
      return Optional.of(Verdict.invalid(Reason.DUPLICATE_PREPARE, "two prepares by one author"));
    }
    if (certificate.size() < context.quorum()) {
      return Optional.of(
          Verdict.invalid(
              Reason.INSUFFICIENT_PREPARES,
              certificate.size() + " prepares, quorum is " + context.quorum()));
    }
    RoundId prepared = new RoundId(context.height(), metadata.preparedRound());
    for (SignedPayload<PreparePayload> prepare : certificate) {
      Verdict verdict = prepares.validate(prepare, prepared, metadata.preparedBlockHash());
      if (verdict instanceof Verdict.Invalid invalid) {
        return Optional.of(
            Verdict.invalid(Reason.INVALID_PREPARE, invalid.reason() + ": " + invalid.detail()));
      }
    }
    return Optional.empty();
  }
}

package org.ailedger.node.consensus.qbft.validation;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.consensus.qbft.QbftFixtures;
import org.ailedger.node.consensus.qbft.message.MessageFactory;
import org.ailedger.node.consensus.qbft.message.PreparePayload;
import org.ailedger.node.consensus.qbft.message.PreparedCertificate;
import org.ailedger.node.consensus.qbft.message.RoundChange;
import org.ailedger.node.consensus.qbft.message.RoundChangePayload;
import org.ailedger.node.consensus.qbft.message.RoundId;
import org.ailedger.node.consensus.qbft.message.SignedPayload;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.types.Address;

/**
 * Four validators on a genesis parent whose coinbase is zero, so (Besu's missing-proposer rule) the
 * proposer of round r at height 1 is validator r mod 4 in sorted order.
 */
final class ValidationFixture {
  final List<KeyPair> keys = QbftFixtures.validatorKeys(4);
  final KeyPair outsider = DevAccounts.validator(9);
  final BlockHeader parent = QbftFixtures.genesis(QbftFixtures.addresses(keys));
  final HeightContext context = HeightContext.after(parent);

  MessageFactory factory(int validator) {
    return new MessageFactory(keys.get(validator), QbftFixtures.SECP);
  }

  MessageFactory outsiderFactory() {
    return new MessageFactory(outsider, QbftFixtures.SECP);
  }

  Address address(int validator) {
    return keys.get(validator).address();
  }

  /** The block validator {@code proposer} builds for {@code round} at height 1. */
  Block block(int round, int proposer) {
    return QbftFixtures.proposal(parent, round, address(proposer));
  }

  List<SignedPayload<PreparePayload>> prepares(Block block, int round, int... signers) {
    return IntStream.of(signers)
        .mapToObj(
            i ->
                factory(i)
                    .prepare(new RoundId(1, round), block.header().committedSealHash())
                    .signed())
        .toList();
  }

  PreparedCertificate prepared(Block block, int round, int... signers) {
    return new PreparedCertificate(block, prepares(block, round, signers), round);
  }

  RoundChange roundChange(int validator, int targetRound, Optional<PreparedCertificate> cert) {
    return factory(validator).roundChange(new RoundId(1, targetRound), cert);
  }

  List<SignedPayload<RoundChangePayload>> emptyRoundChanges(int targetRound, int... signers) {
    return IntStream.of(signers)
        .mapToObj(i -> roundChange(i, targetRound, Optional.empty()).signed())
        .toList();
  }
}

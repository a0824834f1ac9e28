package org.ailedger.node.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

class TransactionValidatorTest {
  private static final long CHAIN_ID = 1337;
  private static final long BLOCK_GAS_LIMIT = 30_000_000;
  private static final Address TO = Address.of(0x1001);
  // validation does not look at the signature; recovery is tested on its own
  private static final Signature ANY_SIGNATURE = new Signature(BigInteger.ONE, BigInteger.ONE, 0);
  private final TransactionValidator validator =
      new TransactionValidator(CHAIN_ID, BLOCK_GAS_LIMIT);

  private static Transaction eip1559(long gasLimit, long maxPriorityFee, long maxFee, Bytes data) {
    return UnsignedTransaction.eip1559(
            0,
            UInt256.valueOf(maxPriorityFee),
            UInt256.valueOf(maxFee),
            gasLimit,
            TO,
            UInt256.ZERO,
            data,
            List.of())
        .withSignature(CHAIN_ID, ANY_SIGNATURE);
  }

  private Optional<RejectionReason> reason(Transaction tx) {
    return validator.validate(tx).map(TransactionRejection::reason);
  }

  @Test
  void wellFormedTransactionOfEveryTypePasses() {
    assertThat(validator.validate(eip1559(21_000, 0, 0, Bytes.EMPTY))).isEmpty();
    assertThat(
            validator.validate(
                UnsignedTransaction.legacy(0, UInt256.ZERO, 21_000, TO, UInt256.ZERO, Bytes.EMPTY)
                    .withSignature(CHAIN_ID, ANY_SIGNATURE)))
        .isEmpty();
    assertThat(
            validator.validate(
                UnsignedTransaction.accessList(
                        0,
                        UInt256.ZERO,
                        23_400,
                        TO,
                        UInt256.ZERO,
                        Bytes.EMPTY,
                        List.of(new AccessListEntry(TO, List.of())))
                    .withSignature(CHAIN_ID, ANY_SIGNATURE)))
        .isEmpty();
  }

  @Test
  void otherChainIdIsRejectedNamingBoth() {
    Transaction tx =
        UnsignedTransaction.eip1559(
                0, UInt256.ZERO, UInt256.ZERO, 21_000, TO, UInt256.ZERO, Bytes.EMPTY, List.of())
            .withSignature(1, ANY_SIGNATURE);
    assertThat(validator.validate(tx))
        .contains(
            new TransactionRejection(
                RejectionReason.WRONG_CHAIN_ID, "wrong chain id: expected 1337, got 1"));
  }

  @Test
  void legacyWithoutChainIdIsReplayUnprotected() {
    Transaction tx =
        new Transaction(
            TransactionType.LEGACY,
            OptionalLong.empty(),
            0,
            UInt256.ZERO,
            UInt256.ZERO,
            21_000,
            Optional.of(TO),
            UInt256.ZERO,
            Bytes.EMPTY,
            List.of(),
            ANY_SIGNATURE);
    TransactionRejection rejection = validator.validate(tx).orElseThrow();
    assertThat(rejection.reason()).isEqualTo(RejectionReason.REPLAY_UNPROTECTED);
    assertThat(rejection.message()).contains("chain id 1337");
  }

  @Test
  void contractCreationIsRefusedWhereTheGenesisEnablesNoEvm() {
    TransactionRejection rejection = validator.validate(creation(2)).orElseThrow();
    assertThat(rejection.reason()).isEqualTo(RejectionReason.EVM_NOT_ENABLED);
    assertThat(rejection.message()).contains("config.cancunTime", "'to'");
  }

  @Test
  void contractCreationPassesWhereTheGenesisEnablesTheEvm() {
    TransactionValidator withEvm = new TransactionValidator(CHAIN_ID, BLOCK_GAS_LIMIT, true);
    assertThat(withEvm.validate(creation(2))).isEmpty();
  }

  @Test
  void initCodeAboveTheEip3860LimitIsRefused() {
    TransactionValidator withEvm = new TransactionValidator(CHAIN_ID, BLOCK_GAS_LIMIT, true);
    assertThat(withEvm.validate(creation(TransactionValidator.MAX_INIT_CODE_SIZE))).isEmpty();

    TransactionRejection rejection =
        withEvm.validate(creation(TransactionValidator.MAX_INIT_CODE_SIZE + 1)).orElseThrow();
    assertThat(rejection.reason()).isEqualTo(RejectionReason.INIT_CODE_TOO_LARGE);
    assertThat(rejection.message()).startsWith("max initcode size exceeded").contains("49153");
  }

  private static Transaction creation(int initCodeSize) {
    return new UnsignedTransaction(
            TransactionType.EIP1559,
            0,
            UInt256.ZERO,
            UInt256.ZERO,
            BLOCK_GAS_LIMIT,
            Optional.empty(),
            UInt256.ZERO,
            Bytes.wrap(new byte[initCodeSize]),
            List.of())
        .withSignature(CHAIN_ID, ANY_SIGNATURE);
  }

  @Test
  void priorityFeeAboveMaxFeeIsRejected() {
    assertThat(reason(eip1559(21_000, 3, 2, Bytes.EMPTY)))
        .contains(RejectionReason.PRIORITY_FEE_ABOVE_MAX_FEE);
    assertThat(validator.validate(eip1559(21_000, 3, 2, Bytes.EMPTY)).orElseThrow().message())
        .isEqualTo("max priority fee per gas 3 is above max fee per gas 2");
    assertThat(reason(eip1559(21_000, 2, 2, Bytes.EMPTY))).isEmpty();
  }

  @Test
  void gasLimitBelowIntrinsicGasIsRejected() {
    Bytes data = Bytes.fromHexString("0x00ff"); // 21000 + 4 + 16
    assertThat(reason(eip1559(21_019, 0, 0, data))).contains(RejectionReason.INTRINSIC_GAS_TOO_LOW);
    assertThat(validator.validate(eip1559(21_019, 0, 0, data)).orElseThrow().message())
        .contains("gas limit 21019", "21020");
    assertThat(reason(eip1559(21_020, 0, 0, data))).isEmpty();
  }

  @Test
  void gasLimitAboveTheBlockGasLimitIsRejected() {
    assertThat(reason(eip1559(BLOCK_GAS_LIMIT + 1, 0, 0, Bytes.EMPTY)))
        .contains(RejectionReason.EXCEEDS_BLOCK_GAS_LIMIT);
    assertThat(
            validator
                .validate(eip1559(BLOCK_GAS_LIMIT + 1, 0, 0, Bytes.EMPTY))
                .orElseThrow()
                .message())
        .isEqualTo("gas limit 30000001 exceeds the block gas limit 30000000");
    assertThat(reason(eip1559(BLOCK_GAS_LIMIT, 0, 0, Bytes.EMPTY))).isEmpty();
  }

  @Test
  void intrinsicGasCountsDataBytesAndAccessList() {
    List<AccessListEntry> accessList =
        List.of(
            new AccessListEntry(TO, List.of(Bytes32.ZERO, Bytes32.ZERO)),
            new AccessListEntry(Address.of(0x1002), List.of(Bytes32.ZERO)));
    Transaction tx =
        UnsignedTransaction.eip1559(
                0,
                UInt256.ZERO,
                UInt256.ZERO,
                100_000,
                TO,
                UInt256.ZERO,
                Bytes.fromHexString("0x0001000200"),
                accessList)
            .withSignature(CHAIN_ID, ANY_SIGNATURE);
    assertThat(TransactionValidator.intrinsicGas(tx))
        .isEqualTo(21_000 + 3 * 4 + 2 * 16 + 2 * 2_400 + 3 * 1_900);
  }

  @Test
  void intrinsicGasOfContractCreationIncludesCreationAndInitCodeWords() {
    Transaction tx =
        new UnsignedTransaction(
                TransactionType.EIP1559,
                0,
                UInt256.ZERO,
                UInt256.ZERO,
                100_000,
                Optional.empty(),
                UInt256.ZERO,
                Bytes.wrap(new byte[33]),
                List.of())
            .withSignature(CHAIN_ID, ANY_SIGNATURE);
    assertThat(TransactionValidator.intrinsicGas(tx)).isEqualTo(53_000 + 33 * 4 + 2 * 2);
  }
}

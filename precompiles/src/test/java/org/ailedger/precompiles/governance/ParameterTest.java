package org.ailedger.precompiles.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ParameterTest {
  private static final UInt256 TOKEN = UInt256.valueOf(BigInteger.TEN.pow(18));

  @Test
  void keyIsTheAsciiNameRightPaddedWithZeros() {
    Bytes32 key = Parameter.CAP_BPS.key();

    assertThat(key.slice(0, 6)).isEqualTo(Bytes.wrap("capBps".getBytes(StandardCharsets.US_ASCII)));
    assertThat(key.slice(6).isZero()).isTrue();
    assertThat(Parameter.MAX_REWARD_PER_ROUND.key())
        .isEqualTo(
            Bytes32.fromHexString(
                "0x6d6178526577617264506572526f756e64000000000000000000000000000000"));
  }

  @Test
  void defaultsAreTheDesignedOnes() {
    assertThat(Parameter.CAP_BPS.defaultValue()).isEqualTo(UInt256.valueOf(1_000));
    assertThat(Parameter.QUORUM_BPS.defaultValue()).isEqualTo(UInt256.valueOf(2_000));
    assertThat(Parameter.VOTING_DELAY.defaultValue()).isEqualTo(UInt256.ONE);
    assertThat(Parameter.VOTING_PERIOD.defaultValue()).isEqualTo(UInt256.valueOf(30));
    assertThat(Parameter.TIMELOCK_BLOCKS.defaultValue()).isEqualTo(UInt256.valueOf(2));
    assertThat(Parameter.PROPOSAL_THRESHOLD.defaultValue()).isEqualTo(TOKEN);
    assertThat(Parameter.MAX_REWARD_PER_ROUND.defaultValue())
        .isEqualTo(TOKEN.multiply(UInt256.valueOf(1_000)));
  }

  @ParameterizedTest
  @EnumSource(Parameter.class)
  void zeroIsNeverAcceptedBecauseItMarksAnUnsetSlot(Parameter parameter) {
    assertThat(parameter.accepts(UInt256.ZERO)).isFalse();
    assertThat(parameter.min()).isGreaterThanOrEqualTo(UInt256.ONE);
    assertThat(parameter.accepts(parameter.defaultValue())).isTrue();
  }

  @Test
  void basisPointParametersStopAtOneHundredPercent() {
    assertThat(Parameter.CAP_BPS.accepts(UInt256.ONE)).isTrue();
    assertThat(Parameter.CAP_BPS.accepts(UInt256.valueOf(10_000))).isTrue();
    assertThat(Parameter.CAP_BPS.accepts(UInt256.valueOf(10_001))).isFalse();
    assertThat(Parameter.QUORUM_BPS.accepts(UInt256.valueOf(10_001))).isFalse();
    assertThat(Parameter.VOTING_PERIOD.accepts(UInt256.valueOf(0x1_0000_0000L))).isFalse();
  }

  @Test
  void tokenAmountsStopAtTheTokensMaximumSupply() {
    UInt256 maxSupply = UInt256.ONE.shiftLeft(192).subtract(UInt256.ONE);

    assertThat(Parameter.MAX_REWARD_PER_ROUND.accepts(maxSupply)).isTrue();
    assertThat(Parameter.MAX_REWARD_PER_ROUND.accepts(maxSupply.add(UInt256.ONE))).isFalse();
    assertThat(Parameter.PROPOSAL_THRESHOLD.accepts(maxSupply.add(UInt256.ONE))).isFalse();
  }

  @Test
  void violationNamesTheParameterItsBoundsAndTheValue() {
    assertThat(Parameter.CAP_BPS.violation(UInt256.valueOf(10_001)))
        .contains("capBps must be between 1 and 10000, got 10001");
    assertThat(Parameter.QUORUM_BPS.violation(UInt256.valueOf(5_000))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Parameter.class)
  void keysAndLabelsLeadBackToTheParameter(Parameter parameter) {
    assertThat(Parameter.fromKey(parameter.key())).contains(parameter);
    assertThat(Parameter.fromLabel(parameter.label())).contains(parameter);
  }

  @Test
  void unknownNamesAreNotParameters() {
    assertThat(Parameter.fromLabel("CAP_BPS")).isEmpty();
    assertThat(Parameter.fromKey(Bytes32.ZERO)).isEmpty();
  }
}

package org.ailedger.node.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.ailedger.types.Address;
import org.ailedger.types.Log;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class LogsBloomTest {
  private static final Address EMITTER = Address.of(0x1001);
  private static final Bytes32 TOPIC = Bytes32.fromHexString("0x01");
  private static final Log LOG = new Log(EMITTER, List.of(TOPIC), Bytes.EMPTY);

  @Test
  void aBloomOfLogsSetsThreeBitsPerAddressAndTopic() {
    LogsBloom bloom = LogsBloom.of(List.of(LOG));

    assertThat(bloom.mightContain(EMITTER.bytes())).isTrue();
    assertThat(bloom.mightContain(TOPIC)).isTrue();
    assertThat(bloom.mightContain(Address.of(0x1002).bytes())).isFalse();
    assertThat(bloom.bytes().toUnsignedBigInteger().bitCount()).isBetween(1, 6);
  }

  @Test
  void aBloomMadeFromLogsEqualsTheOneReadBackFromItsBytes() {
    LogsBloom fromLogs = LogsBloom.of(List.of(LOG));
    LogsBloom fromBytes = new LogsBloom(LogsBloom.of(List.of(LOG)).bytes());

    assertThat(fromLogs).isEqualTo(fromBytes).hasSameHashCodeAs(fromBytes);
    assertThat(LogsBloom.of(List.of())).isEqualTo(LogsBloom.EMPTY);
    assertThat(fromLogs.or(LogsBloom.EMPTY)).isEqualTo(fromLogs);
    assertThat(fromLogs).isNotEqualTo(LogsBloom.EMPTY);
  }

  @Test
  void onlyTwoHundredFiftySixBytesAreABloom() {
    assertThatThrownBy(() -> new LogsBloom(Bytes.wrap(new byte[255])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("256 bytes");
  }
}

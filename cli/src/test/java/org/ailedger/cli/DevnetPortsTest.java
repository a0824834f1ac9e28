package org.ailedger.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DevnetPortsTest {
  @Test
  void validatorIAddsTenTimesIToRpcAndMetricsAndIToP2p() {
    DevnetPorts ports = new DevnetPorts(8545, 8546, 9545, 30303, 4);

    assertThat(ports.http(3)).isEqualTo(8575);
    assertThat(ports.ws(3)).isEqualTo(8576);
    assertThat(ports.metrics(3)).isEqualTo(9575);
    assertThat(ports.p2p(3)).isEqualTo(30306);
  }

  @Test
  void portZeroIsRefusedBecauseValidatorsMustKnowEachOthersPorts() {
    assertThatThrownBy(() -> new DevnetPorts(0, 8546, 9545, 30303, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--rpc-http-port must be 1..65505, not 0");
  }

  @Test
  void aLastValidatorBeyondTheLastPortIsRefused() {
    assertThatThrownBy(() -> new DevnetPorts(8545, 8546, 9545, 65_533, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--p2p-port must be 1..65532");
  }

  @Test
  void overlappingRangesAreRefused() {
    // validator 1's HTTP port would be validator 0's WebSocket port
    assertThatThrownBy(() -> new DevnetPorts(8545, 8555, 9545, 30303, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("overlap");
  }

  @Test
  void theIndexerPortMustBeNoValidatorsPort() {
    DevnetPorts ports = new DevnetPorts(8545, 8546, 9545, 30303, 4);

    assertThat(ports.uses(8080)).isFalse();
    assertThat(ports.uses(8575)).isTrue();
    assertThat(ports.uses(30306)).isTrue();
  }
}

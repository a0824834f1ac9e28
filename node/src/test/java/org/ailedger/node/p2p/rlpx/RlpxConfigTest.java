package org.ailedger.node.p2p.rlpx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.ailedger.node.p2p.wire.SubProtocol;
import org.junit.jupiter.api.Test;

class RlpxConfigTest {
  @Test
  void defaultsAreBesus() {
    RlpxConfig config = RlpxConfig.defaults();

    assertThat(config.maxMessageSize()).isEqualTo(10 * 1024 * 1024);
    assertThat(config.handshakeTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.pingInterval()).isEqualTo(Duration.ofSeconds(15));
    assertThat(config.subProtocols()).containsExactly(SubProtocol.ETH_68, SubProtocol.ISTANBUL_100);
  }

  @Test
  void outboundQueueMustHoldOneLargestMessage() {
    RlpxConfig d = RlpxConfig.defaults();

    assertThatThrownBy(
            () ->
                new RlpxConfig(
                    d.clientId(),
                    d.listenHost(),
                    d.listenPort(),
                    d.subProtocols(),
                    1000,
                    d.handshakeTimeout(),
                    d.pingInterval(),
                    d.maxPeers(),
                    d.maxPendingHandshakes(),
                    999,
                    d.disconnectGrace()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void somethingMustBeAnnounced() {
    assertThatThrownBy(() -> RlpxConfig.defaults().withSubProtocols(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package org.ailedger.node.p2p.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CapabilityMultiplexerTest {
  private static final Capability ETH_68 = Capability.of("eth", 68);
  private static final Capability ISTANBUL_100 = Capability.of("istanbul", 100);

  @Test
  void sharedCapabilitiesFollowP2pInNameOrderWithTheirMessageSpaces() {
    CapabilityMultiplexer mux =
        CapabilityMultiplexer.negotiate(
            List.of(SubProtocol.ISTANBUL_100, SubProtocol.ETH_68),
            List.of(ISTANBUL_100, Capability.of("snap", 1), ETH_68));

    assertThat(mux.shared())
        .containsExactly(
            new SharedCapability(ETH_68, 0x10, 17), new SharedCapability(ISTANBUL_100, 0x21, 22));
  }

  @Test
  void istanbulAloneStartsRightAfterTheBaseProtocol() {
    CapabilityMultiplexer mux =
        CapabilityMultiplexer.negotiate(
            List.of(SubProtocol.ETH_68, SubProtocol.ISTANBUL_100), List.of(ISTANBUL_100));

    assertThat(mux.shared()).containsExactly(new SharedCapability(ISTANBUL_100, 0x10, 22));
  }

  @Test
  void highestSharedVersionOfANameWins() {
    SubProtocol eth66 = new SubProtocol(Capability.of("eth", 66), 17);
    SubProtocol eth67 = new SubProtocol(Capability.of("eth", 67), 17);

    CapabilityMultiplexer mux =
        CapabilityMultiplexer.negotiate(
            List.of(eth66, eth67, SubProtocol.ETH_68),
            List.of(Capability.of("eth", 66), Capability.of("eth", 67), Capability.of("eth", 69)));

    assertThat(mux.shared())
        .containsExactly(new SharedCapability(Capability.of("eth", 67), 0x10, 17));
  }

  @Test
  void noCommonVersionSharesNothing() {
    CapabilityMultiplexer mux =
        CapabilityMultiplexer.negotiate(
            List.of(SubProtocol.ISTANBUL_100), List.of(Capability.of("istanbul", 99)));

    assertThat(mux.shared()).isEmpty();
  }

  @Test
  void absoluteCodesRouteToTheOwningCapability() {
    CapabilityMultiplexer mux =
        CapabilityMultiplexer.negotiate(
            List.of(SubProtocol.ETH_68, SubProtocol.ISTANBUL_100), List.of(ETH_68, ISTANBUL_100));

    assertThat(mux.route(0x20).orElseThrow().relativeCode()).isEqualTo(0x10);
    assertThat(mux.route(0x20).orElseThrow().capability().capability()).isEqualTo(ETH_68);
    assertThat(mux.route(0x21 + 0x12).orElseThrow().relativeCode()).isEqualTo(0x12);
    assertThat(mux.route(0x21 + 22)).isEmpty();
  }
}

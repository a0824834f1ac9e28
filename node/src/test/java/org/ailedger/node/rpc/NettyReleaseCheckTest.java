package org.ailedger.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NettyReleaseCheckTest {
  @Test
  void modulesOfOneReleasePass() {
    assertThat(
            NettyReleaseCheck.mismatch(
                Map.of(
                    "netty-common", "4.2.17.Final",
                    "netty-codec-base", "4.2.17.Final",
                    "netty-codec-http", "4.2.17.Final")))
        .isEmpty();
  }

  @Test
  void modulesOfAnotherReleaseAreNamed() {
    assertThat(
            NettyReleaseCheck.mismatch(
                Map.of(
                    "netty-common", "4.2.17.Final",
                    "netty-codec-base", "4.2.17.Final",
                    "netty-transport-classes-epoll", "4.1.112.Final",
                    "netty-codec", "4.1.112.Final")))
        .hasValue(
            "Netty modules of different releases are on the class path: netty-common is"
                + " 4.2.17.Final but netty-codec 4.1.112.Final, netty-transport-classes-epoll"
                + " 4.1.112.Final; exclude or align them (WebSocket handshakes go unanswered"
                + " otherwise)");
  }

  @Test
  void patchReleasesOfOneLineStillDiffer() {
    assertThat(
            NettyReleaseCheck.mismatch(
                Map.of("netty-common", "4.2.17.Final", "netty-handler", "4.2.16.Final")))
        .get()
        .asString()
        .contains("but netty-handler 4.2.16.Final;");
  }

  @Test
  void modulesNumberedOnTheirOwnAreNotCompared() {
    assertThat(
            NettyReleaseCheck.mismatch(
                Map.of(
                    "netty-common", "4.2.17.Final",
                    "netty-tcnative-classes", "2.0.81.Final",
                    "netty-incubator-transport-classes-io_uring", "0.0.26.Final")))
        .isEmpty();
  }

  @Test
  void withoutNettyCommonThereIsNothingToCompareAgainst() {
    assertThat(NettyReleaseCheck.mismatch(Map.of("netty-codec", "4.1.112.Final"))).isEmpty();
  }

  @Test
  void theNodeRunsOnOneNettyRelease() {
    assertThat(NettyReleaseCheck.onClassPath())
        .as("a dependency brings Netty modules of another release than Vert.x's")
        .isEmpty();
  }
}

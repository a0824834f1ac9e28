package org.ailedger.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RpcConfigTest {
  @Test
  void defaultsFollowTheDevnetLayoutAndRefuseAFiveMegabyteBody() {
    RpcConfig config = RpcConfig.defaults();

    assertThat(config.httpPort()).isEqualTo(8545);
    assertThat(config.wsPort()).isEqualTo(8546);
    assertThat(config.maxRequestBodyBytes()).isEqualTo(4_194_304).isLessThan(5_000_000);
    assertThat(config.maxBatchSize()).isEqualTo(1024);
    assertThat(config.maxLogBlockRange()).isEqualTo(5000);
    assertThat(config.maxFilters()).isEqualTo(1024);
    assertThat(config.maxSubscriptionsPerConnection()).isEqualTo(128);
    assertThat(config.allowsAnyOrigin()).isTrue();
  }

  @Test
  void invalidSettingsAreRefusedByName() {
    assertThatThrownBy(() -> RpcConfig.builder().httpPort(70_000).build())
        .hasMessage("httpPort must be in [0, 65535], got 70000");
    assertThatThrownBy(() -> RpcConfig.builder().maxBatchSize(0).build())
        .hasMessage("maxBatchSize must be positive, got 0");
  }

  @Test
  void listedOriginsDoNotAllowOthers() {
    RpcConfig config = RpcConfig.builder().corsAllowedOrigins(List.of("https://a.example")).build();

    assertThat(config.allowsAnyOrigin()).isFalse();
  }
}

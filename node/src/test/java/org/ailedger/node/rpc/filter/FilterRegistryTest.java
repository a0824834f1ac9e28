package org.ailedger.node.rpc.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.ailedger.node.rpc.MutableClock;
import org.ailedger.node.rpc.RandomIds;
import org.ailedger.node.rpc.RpcError;
import org.ailedger.node.rpc.RpcException;
import org.junit.jupiter.api.Test;

class FilterRegistryTest {
  private final MutableClock clock = new MutableClock();
  private final FilterRegistry registry =
      new FilterRegistry(2, Duration.ofMinutes(5), clock, new RandomIds());

  @Test
  void pollClaimsNewBlocksOnce() {
    String id = registry.install(new FilterRegistry.BlockFilter(), 5);

    assertThat(registry.poll(id, 4, 100).orElseThrow().isEmpty()).isTrue();
    FilterRegistry.Poll poll = registry.poll(id, 7, 100).orElseThrow();
    assertThat(poll.fromBlock()).isEqualTo(5);
    assertThat(poll.toBlock()).isEqualTo(7);
    assertThat(registry.poll(id, 7, 100).orElseThrow().isEmpty()).isTrue();
  }

  @Test
  void onePollClaimsAtMostTheRangeLimit() {
    String id = registry.install(new FilterRegistry.BlockFilter(), 1);

    FilterRegistry.Poll first = registry.poll(id, 100, 30).orElseThrow();
    FilterRegistry.Poll second = registry.poll(id, 100, 30).orElseThrow();

    assertThat(first.toBlock()).isEqualTo(30);
    assertThat(second.fromBlock()).isEqualTo(31);
    assertThat(second.toBlock()).isEqualTo(60);
  }

  @Test
  void countIsBounded() {
    registry.install(new FilterRegistry.BlockFilter(), 1);
    registry.install(new FilterRegistry.BlockFilter(), 1);

    assertThatThrownBy(() -> registry.install(new FilterRegistry.BlockFilter(), 1))
        .isInstanceOfSatisfying(
            RpcException.class, e -> assertThat(e.error()).isEqualTo(RpcError.LIMIT_EXCEEDED));
  }

  @Test
  void filterUntouchedForTheIdleTimeoutIsDropped() {
    String used = registry.install(new FilterRegistry.BlockFilter(), 1);
    String idle = registry.install(new FilterRegistry.BlockFilter(), 1);
    clock.advance(Duration.ofMinutes(4));
    registry.find(used);
    clock.advance(Duration.ofMinutes(1));

    assertThat(registry.find(idle)).isEmpty();
    assertThat(registry.find(used)).isPresent();
    assertThat(registry.size()).isEqualTo(1);
  }

  @Test
  void uninstallRemovesOnce() {
    String id = registry.install(new FilterRegistry.BlockFilter(), 1);

    assertThat(registry.uninstall(id)).isTrue();
    assertThat(registry.uninstall(id)).isFalse();
    assertThat(registry.poll(id, 10, 10)).isEmpty();
  }

  @Test
  void idsAreDistinctQuantities() {
    String a = registry.install(new FilterRegistry.BlockFilter(), 1);
    String b = registry.install(new FilterRegistry.BlockFilter(), 1);

    assertThat(a).isNotEqualTo(b).matches("0x[1-9a-f][0-9a-f]*");
  }
}

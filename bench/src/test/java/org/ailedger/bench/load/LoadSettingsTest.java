package org.ailedger.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadSettingsTest {
  private static LoadSettings settings(
      String rpc, int senders, double rate, int window, int batch) {
    return settings(rpc, senders, rate, window, batch, 5);
  }

  private static LoadSettings settings(
      String rpc, int senders, double rate, int window, int batch, int receiptsPerBlock) {
    return new LoadSettings(
        URI.create(rpc),
        senders,
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        rate,
        window,
        batch,
        120_000,
        receiptsPerBlock,
        Duration.ofSeconds(10),
        Workload.TRANSFER);
  }

  private static LoadSettings submitUpdates(int senders, int maxTransactions) {
    return new LoadSettings(
        URI.create("http://127.0.0.1:8545"),
        senders,
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        0,
        64,
        1,
        maxTransactions,
        5,
        Duration.ofSeconds(10),
        Workload.SUBMIT_UPDATE);
  }

  @Test
  void submitUpdateRefusesMoreModelsThanItCanPrepare() {
    assertThat(submitUpdates(128, 120_000).transactionsPerSender()).isEqualTo(937);
    assertThat(submitUpdates(24, 120_000).transactionsPerSender()).isEqualTo(5_000);
    assertThatThrownBy(() -> submitUpdates(23, 120_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 5000 (now 5217)");
  }

  @Test
  void aLoopbackEndpointIsAccepted() {
    assertThat(settings("http://127.0.0.1:8545", 64, 0, 64, 1).senders()).isEqualTo(64);
    assertThat(settings("http://localhost:8545", 1, 0, 64, 1).senders()).isEqualTo(1);
  }

  @Test
  void anEndpointOffThisMachineIsRefused() {
    assertThatThrownBy(() -> settings("http://192.0.2.10:8545", 64, 0, 64, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("loopback");
  }

  @Test
  void sendersAreLimitedToTheLoadAccounts() {
    assertThatThrownBy(() -> settings("http://127.0.0.1:8545", 129, 0, 64, 1))
        .hasMessageContaining("--senders must be between 1 and 128");
  }

  @Test
  void theWindowStaysWithinThePoolLimitPerSender() {
    assertThatThrownBy(() -> settings("http://127.0.0.1:8545", 8, 0, 257, 1))
        .hasMessageContaining("--window");
    assertThatThrownBy(() -> settings("http://127.0.0.1:8545", 8, 0, 16, 32))
        .hasMessageContaining("--batch");
  }

  @Test
  void aPacedRunSignsWhatItNeedsPlusAWindow() {
    // 100 tx/s for 35 s over 10 senders is 350 each, plus a window of 64
    assertThat(settings("http://127.0.0.1:8545", 10, 100, 64, 1).transactionsPerSender())
        .isEqualTo(414);
  }

  @Test
  void anUnpacedRunSignsItsWholeBudget() {
    assertThat(settings("http://127.0.0.1:8545", 64, 0, 64, 1).transactionsPerSender())
        .isEqualTo(1875);
  }

  @Test
  void aBlocksSampledReceiptsFitInOneBatchANodeTakes() {
    assertThat(settings("http://127.0.0.1:8545", 8, 0, 16, 1, 1_000).receiptsPerBlock())
        .isEqualTo(1_000);
    assertThatThrownBy(() -> settings("http://127.0.0.1:8545", 8, 0, 16, 1, 1_001))
        .hasMessageContaining("--receipts-per-block must be between 0 and 1000");
    assertThatThrownBy(() -> settings("http://127.0.0.1:8545", 8, 0, 16, 1, -1))
        .hasMessageContaining("--receipts-per-block");
  }
}

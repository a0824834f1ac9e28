package org.ailedger.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowThroughputTest {
  private static BlockRecord block(long number, long timestamp, int transactions) {
    return new BlockRecord(
        number, timestamp, transactions, 21_000L * transactions, timestamp * 1000);
  }

  @Test
  void countsTheBlocksAfterTheFirstOverTheTimeBetweenFirstAndLast() {
    List<BlockRecord> blocks =
        List.of(
            block(10, 100, 900), block(11, 101, 1000), block(12, 102, 1200), block(13, 103, 800));

    WindowThroughput throughput = WindowThroughput.of(blocks, 100, 103).orElseThrow();

    assertThat(throughput.firstBlock()).isEqualTo(10);
    assertThat(throughput.lastBlock()).isEqualTo(13);
    assertThat(throughput.transactions()).isEqualTo(3000);
    assertThat(throughput.seconds()).isEqualTo(3);
    assertThat(throughput.perSecond()).isEqualTo(1000.0);
    assertThat(throughput.perBlock()).containsExactly(800, 1000, 1200);
    assertThat(throughput.medianPerBlock()).isEqualTo(1000);
  }

  @Test
  void blocksStampedOutsideTheWindowDoNotCount() {
    List<BlockRecord> blocks =
        List.of(
            block(1, 98, 5000),
            block(2, 100, 10),
            block(3, 101, 20),
            block(4, 102, 30),
            block(5, 104, 7000));

    WindowThroughput throughput = WindowThroughput.of(blocks, 99, 103).orElseThrow();

    assertThat(throughput.transactions()).isEqualTo(50);
    assertThat(throughput.seconds()).isEqualTo(2);
  }

  @Test
  void aSlowBlockStretchesTheSpan() {
    List<BlockRecord> blocks = List.of(block(1, 100, 0), block(2, 101, 500), block(3, 104, 500));

    assertThat(WindowThroughput.of(blocks, 100, 110).orElseThrow().perSecond()).isEqualTo(250.0);
  }

  @Test
  void fewerThanTwoBlocksInsideGiveNoThroughput() {
    assertThat(WindowThroughput.of(List.of(block(1, 100, 5)), 90, 110)).isEmpty();
    assertThat(WindowThroughput.of(List.of(block(1, 100, 5), block(2, 120, 5)), 90, 110)).isEmpty();
  }
}

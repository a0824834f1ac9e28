package org.ailedger.bench.load;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Committed throughput over the measured window, from block contents and timestamps alone: the
 * blocks stamped inside the window, their transactions except the first block's (those were
 * gathered before its timestamp), divided by the time between the first and the last timestamp.
 *
 * @param firstBlock the block opening the span; its transactions are not counted
 * @param lastBlock the last block stamped inside the window
 * @param transactions transactions in the blocks after {@code firstBlock} up to {@code lastBlock}
 * @param seconds {@code lastBlock}'s timestamp minus {@code firstBlock}'s
 * @param perBlock transaction counts of the counted blocks, ascending
 */
public record WindowThroughput(
    long firstBlock, long lastBlock, long transactions, long seconds, List<Integer> perBlock) {

  public WindowThroughput {
    if (seconds <= 0 || perBlock.isEmpty()) {
      throw new IllegalArgumentException("a throughput needs a positive span and counted blocks");
    }
    perBlock = List.copyOf(perBlock);
  }

  public double perSecond() {
    return (double) transactions / seconds;
  }

  public int medianPerBlock() {
    return perBlock.get((perBlock.size() - 1) / 2);
  }

  /**
   * Empty when fewer than two blocks with different timestamps fall inside the window.
   *
   * @param fromSecond start of the window (inclusive), unix seconds
   * @param toSecond end of the window (inclusive), unix seconds
   */
  public static Optional<WindowThroughput> of(
      List<BlockRecord> blocks, long fromSecond, long toSecond) {
    List<BlockRecord> inside =
        blocks.stream()
            .filter(b -> b.timestamp() >= fromSecond && b.timestamp() <= toSecond)
            .sorted(Comparator.comparingLong(BlockRecord::number))
            .toList();
    if (inside.size() < 2) {
      return Optional.empty();
    }
    BlockRecord first = inside.get(0);
    BlockRecord last = inside.get(inside.size() - 1);
    long seconds = last.timestamp() - first.timestamp();
    if (seconds <= 0) {
      return Optional.empty();
    }
    List<BlockRecord> counted = inside.subList(1, inside.size());
    long transactions = counted.stream().mapToLong(BlockRecord::transactions).sum();
    List<Integer> perBlock = counted.stream().map(BlockRecord::transactions).sorted().toList();
    return Optional.of(
        new WindowThroughput(first.number(), last.number(), transactions, seconds, perBlock));
  }
}

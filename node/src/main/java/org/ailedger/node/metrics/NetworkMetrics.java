package org.ailedger.node.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.ailedger.node.chain.Registration;

/**
 * Peer, sync and consensus meters of a node with p2p: what an operator watches to see a validator
 * drop out, fall behind or keep changing rounds. Every value is read when scraped, from suppliers
 * the wiring passes in.
 */
public final class NetworkMetrics {
  private NetworkMetrics() {}

  /** What the peer network and the synchronizer report. */
  public record Network(
      IntSupplier peers,
      BooleanSupplier syncing,
      LongSupplier highestKnown,
      LongSupplier ethMessagesDropped) {}

  /** What the QBFT controller reports; its height is the one being agreed on. */
  public record Consensus(LongSupplier height, IntSupplier round, LongSupplier roundChanges) {}

  /**
   * Registers the meters. Micrometer holds the objects behind them weakly, so the caller keeps the
   * returned handle for as long as the meters should report; closing it removes them.
   */
  public static Registration register(
      MeterRegistry registry, Network network, Consensus consensus) {
    List<Meter> meters = new ArrayList<>();
    meters.add(
        Gauge.builder("ailedger_p2p_peers", network, n -> n.peers().getAsInt())
            .description("peers connected (RLPx sessions with a Hello exchanged)")
            .register(registry));
    meters.add(
        FunctionCounter.builder(
                "ailedger_p2p_eth_messages_dropped",
                network,
                n -> n.ethMessagesDropped().getAsLong())
            .description(
                "eth messages from peers dropped because the eth worker's backlog was full")
            .register(registry));
    meters.add(
        Gauge.builder("ailedger_sync_syncing", network, n -> n.syncing().getAsBoolean() ? 1 : 0)
            .description("1 while catching up from a peer that is ahead, else 0")
            .register(registry));
    meters.add(
        Gauge.builder(
                "ailedger_sync_highest_known_block", network, n -> n.highestKnown().getAsLong())
            .description("highest block any peer has claimed, or the head if none is ahead")
            .register(registry));
    meters.add(
        Gauge.builder("ailedger_qbft_height", consensus, c -> c.height().getAsLong())
            .description("height QBFT is agreeing on (head + 1)")
            .register(registry));
    meters.add(
        Gauge.builder("ailedger_qbft_round", consensus, c -> c.round().getAsInt())
            .description(
                "round being run at that height; -1 before round 0 or when not a validator")
            .register(registry));
    meters.add(
        FunctionCounter.builder(
                "ailedger_qbft_round_changes", consensus, c -> c.roundChanges().getAsLong())
            .description("rounds above 0 started, at any height")
            .register(registry));
    return new Handle(registry, List.copyOf(meters), network, consensus);
  }

  /** Holds what the meters read, so Micrometer's weak references to it stay alive. */
  private record Handle(
      MeterRegistry registry, List<Meter> meters, Network network, Consensus consensus)
      implements Registration {
    @Override
    public void close() {
      meters.forEach(registry::remove);
    }
  }
}

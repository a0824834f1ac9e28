package org.ailedger.node.consensus.qbft.statemachine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.consensus.qbft.ManualScheduler;
import org.ailedger.node.consensus.qbft.QbftFixtures;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.tx.Transaction;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;

/**
 * Validators in one process, wired by a network that delivers into each one's queue, on a clock the
 * test moves. Everything runs on the test thread, so runs are deterministic.
 */
final class InMemoryNetwork {
  /** A message as it went over the wire. */
  record Sent(Address from, Address to, int code, Bytes data) {}

  final ManualScheduler scheduler;
  final Map<Address, TestValidator> nodes = new LinkedHashMap<>();
  final List<Sent> sent = new ArrayList<>();

  /**
   * The transactions waiting, in every validator's pool at once, as if gossiped without delay; a
   * committed block takes out those it includes.
   */
  final List<Transaction> pending = new ArrayList<>();

  private final Set<Address> down = new HashSet<>();
  private Predicate<Sent> dropped = s -> false;

  private final BlockHeader genesis;
  private final QbftConfig config;

  InMemoryNetwork(List<KeyPair> keys, BlockHeader genesis, QbftConfig config) {
    this.genesis = genesis;
    this.config = config;
    this.scheduler =
        new ManualScheduler(Instant.ofEpochSecond(genesis.timestamp()).minusMillis(500));
    for (KeyPair key : keys) {
      nodes.put(key.address(), new TestValidator(key, genesis, this, config));
    }
  }

  static InMemoryNetwork of(int validators) {
    List<KeyPair> keys = QbftFixtures.validatorKeys(validators);
    return new InMemoryNetwork(
        keys, QbftFixtures.genesis(QbftFixtures.addresses(keys)), config(1, 1));
  }

  static QbftConfig config(int blockPeriod, int requestTimeout) {
    return new QbftConfig(
        blockPeriod, blockPeriod, true, requestTimeout, 1000, 100, 1000, 1000, 10);
  }

  /** A node's report that a peer misbehaved, which a real network answers by dropping it. */
  record Reported(Address by, Address peer, String reason) {}

  final List<Reported> reported = new ArrayList<>();

  Multicaster multicasterOf(Address from) {
    return new Multicaster() {
      @Override
      public void send(Collection<Address> recipients, int code, Bytes data) {
        if (down.contains(from)) {
          return;
        }
        for (Address to : recipients) {
          Sent s = new Sent(from, to, code, data);
          sent.add(s);
          TestValidator node = nodes.get(to);
          if (node != null && !down.contains(to) && !dropped.test(s)) {
            node.queue.offer(new QbftEvent.MessageReceived(from, code, data));
          }
        }
      }

      @Override
      public void misbehaved(Address peer, String reason) {
        reported.add(new Reported(from, peer, reason));
      }
    };
  }

  void begin() {
    nodes.values().forEach(n -> n.controller.begin());
    settle();
  }

  /** A validator that neither sends nor receives nor handles timers any more. */
  void stop(Address validator) {
    down.add(validator);
  }

  /**
   * Brings a stopped validator back as a fresh process whose chain was synced to {@code synced}:
   * nothing of its old consensus state survives.
   */
  TestValidator restart(Address validator, List<org.ailedger.node.block.Block> synced) {
    TestValidator old = nodes.get(validator);
    TestValidator fresh = new TestValidator(old.key, genesis, synced, this, config);
    nodes.put(validator, fresh);
    down.remove(validator);
    fresh.controller.begin();
    // the peers' istanbul sessions open again, both ways
    for (TestValidator peer : live()) {
      if (!peer.key.address().equals(validator)) {
        peer.queue.offer(new QbftEvent.PeerConnected(validator));
        fresh.queue.offer(new QbftEvent.PeerConnected(peer.key.address()));
      }
    }
    settle();
    return fresh;
  }

  void drop(Predicate<Sent> rule) {
    dropped = rule;
  }

  /** Drains every queue until all are empty. */
  void settle() {
    boolean busy = true;
    while (busy) {
      busy = false;
      for (TestValidator node : nodes.values()) {
        if (down.contains(node.key.address())) {
          while (node.queue.poll().isPresent()) {
            // a stopped validator's timers go nowhere
          }
          continue;
        }
        busy |= node.controller.drain() > 0;
      }
    }
  }

  /** Moves the clock by {@code duration}, running timers as they fall due. */
  void advance(Duration duration) {
    long until = scheduler.nowMillis() + duration.toMillis();
    while (scheduler.runNext(until).isPresent()) {
      settle();
    }
    scheduler.setNow(until);
    settle();
  }

  /** Advances in small steps until every live validator's chain reaches {@code height}. */
  void runUntilHeight(long height, Duration limit) {
    runUntilHeight(height, limit, live().stream().map(n -> n.key.address()).toList());
  }

  /** Advances in small steps until the chains of {@code validators} reach {@code height}. */
  void runUntilHeight(long height, Duration limit, List<Address> validators) {
    long deadline = scheduler.nowMillis() + limit.toMillis();
    while (!validators.stream().allMatch(v -> nodes.get(v).headNumber() >= height)) {
      if (scheduler.nowMillis() >= deadline) {
        throw new AssertionError("height " + height + " not reached within " + limit);
      }
      advance(Duration.ofMillis(100));
    }
  }

  TestValidator node(Address address) {
    return nodes.get(address);
  }

  List<TestValidator> live() {
    return nodes.values().stream().filter(n -> !down.contains(n.key.address())).toList();
  }
}

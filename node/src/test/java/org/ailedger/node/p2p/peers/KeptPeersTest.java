package org.ailedger.node.p2p.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.Set;
import org.ailedger.node.crypto.PublicKey;
import org.ailedger.node.genesis.DevAccounts;
import org.junit.jupiter.api.Test;

class KeptPeersTest {
  private static final Instant T0 = Instant.ofEpochSecond(1_000);
  private final KeptPeers kept = new KeptPeers(new Random(7));
  private final EnodeUrl peer =
      new EnodeUrl(DevAccounts.validator(1).publicKey(), "127.0.0.1", 30304);

  @Test
  void aNewPeerIsDueAtOnceAndThenWaitsLongerAfterEachAttempt() {
    kept.add(peer, T0);

    assertThat(kept.takeDue(T0, Set.of())).containsExactly(peer);
    assertThat(kept.takeDue(T0, Set.of())).isEmpty();
    Duration first = Duration.between(T0, kept.dueAt(peer.nodeId()).orElseThrow());
    Instant second = kept.dueAt(peer.nodeId()).orElseThrow();
    assertThat(kept.takeDue(second, Set.of())).containsExactly(peer);
    Duration next = Duration.between(second, kept.dueAt(peer.nodeId()).orElseThrow());

    assertThat(first).isBetween(Duration.ofSeconds(1), Duration.ofMillis(1500));
    assertThat(next).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(3));
  }

  @Test
  void theWaitNeverExceedsTheCapWithItsJitter() {
    kept.add(peer, T0);
    Instant now = T0;
    for (int i = 0; i < 40; i++) {
      assertThat(kept.takeDue(now, Set.of())).hasSize(1);
      now = kept.dueAt(peer.nodeId()).orElseThrow();
    }
    Instant before = now;
    kept.takeDue(now, Set.of());

    assertThat(Duration.between(before, kept.dueAt(peer.nodeId()).orElseThrow()))
        .isLessThanOrEqualTo(KeptPeers.MAX_RETRY.multipliedBy(3).dividedBy(2));
  }

  @Test
  void aConnectedPeerIsNotDialledAndADropRestartsTheBackOff() {
    kept.add(peer, T0);
    Set<PublicKey> connected = Set.of(peer.nodeId());

    assertThat(kept.takeDue(T0, connected)).isEmpty();
    kept.connected(peer.nodeId());
    kept.dropped(peer.nodeId(), T0);
    assertThat(kept.takeDue(T0, Set.of())).isEmpty();
    assertThat(kept.takeDue(T0.plusSeconds(2), Set.of())).containsExactly(peer);
  }

  @Test
  void theListIsBoundedAndANewAddressReplacesTheOld() {
    for (int i = 0; i < KeptPeers.MAX_KEPT_PEERS; i++) {
      assertThat(kept.add(new EnodeUrl(DevAccounts.account(i).publicKey(), "h", 1), T0))
          .isEqualTo(KeptPeers.Change.ADDED);
    }
    assertThat(kept.add(peer, T0)).isEqualTo(KeptPeers.Change.FULL);
    EnodeUrl moved = new EnodeUrl(DevAccounts.account(0).publicKey(), "h2", 2);
    assertThat(kept.add(moved, T0)).isEqualTo(KeptPeers.Change.ADDED);
    assertThat(kept.add(moved, T0)).isEqualTo(KeptPeers.Change.ALREADY_KEPT);
    assertThat(kept.all()).contains(moved).hasSize(KeptPeers.MAX_KEPT_PEERS);
  }
}

package org.ailedger.node.consensus.qbft.statemachine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ailedger.node.consensus.qbft.message.RoundChange;
import org.ailedger.types.Address;

/**
 * Valid round changes of one height by target round, one per validator and round. A round's quorum
 * is handed out once, as Besu's RoundChangeManager does. Rounds are capped by validation (at most
 * 1000), so the map is bounded by rounds × validators; rounds behind the current one are dropped.
 */
final class RoundChangeManager {
  private final int quorum;
  private final Map<Integer, Map<Address, RoundChange>> byRound = new HashMap<>();
  private final Set<Integer> actioned = new HashSet<>();

  RoundChangeManager(int quorum) {
    this.quorum = quorum;
  }

  /** Adds a validated round change; the quorum for its round the first time one is reached. */
  Optional<List<RoundChange>> add(RoundChange change) {
    int round = change.roundId().round();
    if (actioned.contains(round)) {
      return Optional.empty();
    }
    Map<Address, RoundChange> changes = byRound.computeIfAbsent(round, r -> new LinkedHashMap<>());
    changes.putIfAbsent(change.author().orElseThrow(), change);
    if (changes.size() < quorum) {
      return Optional.empty();
    }
    actioned.add(round);
    return Optional.of(new ArrayList<>(changes.values()));
  }

  /**
   * The round to move to ahead of this node's timer, when at least {@code weakQuorum} (f+1)
   * validators sent round changes for rounds above {@code currentRound}: the highest round that as
   * many of them reached (Moniz's IBFT, Algorithm 3; Besu has an early round change behind the
   * opt-in --Xqbft-enable-early-round-change). At least one of them is honest, so faulty validators
   * alone never move a node on.
   */
  Optional<Integer> earlyRound(int currentRound, int weakQuorum) {
    Map<Address, Integer> highest = new HashMap<>();
    byRound.forEach(
        (round, changes) -> {
          if (round > currentRound) {
            changes.keySet().forEach(author -> highest.merge(author, round, Math::max));
          }
        });
    if (highest.size() < weakQuorum) {
      return Optional.empty();
    }
    List<Integer> rounds = highest.values().stream().sorted(Comparator.reverseOrder()).toList();
    return Optional.of(rounds.get(weakQuorum - 1));
  }

  void discardRoundsBefore(int round) {
    byRound.keySet().removeIf(r -> r < round);
  }
}

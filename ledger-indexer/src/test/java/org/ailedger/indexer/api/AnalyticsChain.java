package org.ailedger.indexer.api;

import static org.ailedger.indexer.store.SampleEvents.address;
import static org.ailedger.indexer.store.SampleEvents.id;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ailedger.indexer.event.DataProvenanceEvent.DatasetAttested;
import org.ailedger.indexer.event.DataProvenanceEvent.DatasetRevoked;
import org.ailedger.indexer.event.DecodedLog;
import org.ailedger.indexer.event.EthAddress;
import org.ailedger.indexer.event.GovernorEvent.ProposalCanceled;
import org.ailedger.indexer.event.GovernorEvent.ProposalCreated;
import org.ailedger.indexer.event.GovernorEvent.ProposalExecuted;
import org.ailedger.indexer.event.GovernorEvent.ProposalTerms;
import org.ailedger.indexer.event.GovernorEvent.VoteCast;
import org.ailedger.indexer.event.LedgerEvent;
import org.ailedger.indexer.event.LogPosition;
import org.ailedger.indexer.event.ModelRegistryEvent.ContributionRewarded;
import org.ailedger.indexer.event.ModelRegistryEvent.ModelRegistered;
import org.ailedger.indexer.event.ModelRegistryEvent.RoundFinalized;
import org.ailedger.indexer.event.ModelRegistryEvent.RoundOpened;
import org.ailedger.indexer.event.ModelRegistryEvent.UpdateDatasets;
import org.ailedger.indexer.event.ModelRegistryEvent.UpdateSubmitted;
import org.ailedger.indexer.event.PermissionsEvent.AccountAdded;
import org.ailedger.indexer.event.PermissionsEvent.AccountRemoved;
import org.ailedger.indexer.event.PermissionsEvent.RoleGranted;
import org.ailedger.indexer.event.PermissionsEvent.ValidatorAdded;
import org.ailedger.indexer.event.PermissionsEvent.ValidatorRemoved;
import org.ailedger.indexer.event.Role;
import org.ailedger.indexer.store.Batch;
import org.ailedger.indexer.store.Block;
import org.ailedger.indexer.store.SampleEvents;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A history built for the analyst reads, after {@link SampleEvents#genesis()}: a lineage with a
 * diamond (R → A, B → C → D, and an unrelated U), two models whose rounds cite them and pay rewards
 * past 64 bits, ten proposals standing in every state at the head, validators changed by executed
 * proposals, and members joining and leaving; blocks spread over three days. The tests assert
 * values worked out by hand from this story.
 */
final class AnalyticsChain {
  static final BigInteger T = BigInteger.TEN.pow(18);
  static final long HEAD = 20;

  static final Bytes32 R = id("dataset R");
  static final Bytes32 A = id("dataset A");
  static final Bytes32 B = id("dataset B");
  static final Bytes32 C = id("dataset C");
  static final Bytes32 D = id("dataset D");
  static final Bytes32 U = id("dataset U");
  static final Bytes32 M1 = id("model one");
  static final Bytes32 M2 = id("model two");
  static final Bytes32 MX = id("member x");
  static final Bytes32 MY = id("member y");
  static final EthAddress X = address(11);
  static final EthAddress Y = address(12);
  static final EthAddress Z = address(13);
  static final EthAddress OWNER = SampleEvents.OWNER;
  static final EthAddress AUDITOR = SampleEvents.AUDITOR;
  static final EthAddress AGGREGATOR = SampleEvents.AGGREGATOR;
  static final EthAddress OLD_VALIDATOR = address(100);
  static final EthAddress NEW_VALIDATOR = address(101);

  /** X's first reward: one base unit above 100 tokens, so that sums must be exact. */
  static final BigInteger X_FIRST = T.multiply(BigInteger.valueOf(100)).add(BigInteger.ONE);

  private final List<Block> blocks = new ArrayList<>();
  private final List<DecodedLog> logs = new ArrayList<>();
  private final List<Bytes32> txs = new ArrayList<>();
  private long number;
  private int logIndex;
  private int txIndex;

  /** Blocks 1..HEAD with the story's events, as one batch after the genesis block. */
  static Batch batch() {
    return new AnalyticsChain().story().build();
  }

  /** The transaction hash of the {@code n}-th transaction of the story (from 1). */
  static Bytes32 tx(int n) {
    return id("analytics tx " + n);
  }

  static long time(String instant) {
    return Instant.parse(instant).getEpochSecond();
  }

  private AnalyticsChain story() {
    at(1, "2024-01-01T01:00:00Z")
        .tx(new AccountAdded(X, MX), new RoleGranted(Role.CONTRIBUTOR.id(), X))
        .tx(new AccountAdded(Y, MY), new AccountAdded(Z, MY))
        .tx(dataset(R, OWNER), dataset(U, Y));
    at(2, "2024-01-01T02:00:00Z")
        .tx(dataset(A, X, R), dataset(B, X, R))
        .tx(dataset(C, Y, A, B), dataset(D, OWNER, C))
        .tx(
            new ModelRegistered(M1, OWNER, AGGREGATOR, "ipfs://m1"),
            new ModelRegistered(M2, OWNER, AGGREGATOR, "ipfs://m2"))
        .tx(round(M1, 1), round(M1, 2), round(M2, 1));
    at(3, "2024-01-01T10:00:00Z")
        .tx(update(M1, 1, X, A))
        .tx(update(M1, 1, Y, U))
        .tx(update(M1, 1, Z, D, U));
    at(4, "2024-01-02T10:00:00Z")
        .tx(
            reward(M1, 1, X, X_FIRST),
            reward(M1, 1, Y, tokens(200)),
            reward(M1, 1, Z, tokens(300)),
            new RoundFinalized(M1, 1, id("agg 1"), BigInteger.valueOf(3)));
    at(5, "2024-01-02T11:00:00Z").tx(update(M1, 2, X, C)).tx(update(M2, 1, Y, R));
    at(6, "2024-01-03T10:00:00Z")
        .tx(reward(M1, 2, X, tokens(50)), new RoundFinalized(M1, 2, id("agg 2"), BigInteger.ONE))
        .tx(reward(M2, 1, Y, tokens(1000)), new RoundFinalized(M2, 1, id("agg 3"), BigInteger.ONE));
    at(7, "2024-01-03T11:00:00Z").tx(new DatasetRevoked(R, AUDITOR, id("leaked")));
    // ten proposals; at the head (block 20) the state block is 21
    at(8, "2024-01-03T12:00:00Z")
        .tx(proposal(1, 0, 30, 40, 45, 100, 10)) // pending
        .tx(proposal(2, 0, 15, 25, 30, 100, 10)) // active
        .tx(proposal(3, 0, 9, 12, 14, 100, 10)) // defeated: more against
        .tx(proposal(4, 0, 9, 12, 25, 100, 10)) // queued: turnout exactly the quorum
        .tx(proposal(5, 0, 9, 12, 15, 100, 10)) // succeeded
        .tx(proposal(6, 0, 9, 12, 14, 18, 10)) // expired
        .tx(proposal(7, 7, 9, 12, 14, 100, 10)) // executed: adds a validator
        .tx(proposal(8, 8, 9, 12, 14, 100, 10)) // executed: removes one
        .tx(proposal(9, 0, 30, 40, 45, 100, 10)) // canceled
        .tx(proposal(10, 0, 9, 12, 14, 100, 10)) // defeated: turnout below the quorum
        .tx(new ProposalCanceled(9));
    at(10, "2024-01-03T13:00:00Z")
        .tx(vote(3, MY, 0, 20), vote(3, MX, 1, 10))
        .tx(vote(4, MX, 1, 10))
        .tx(vote(5, MX, 1, 30), vote(6, MX, 1, 30))
        .tx(vote(7, MX, 1, 30), vote(8, MX, 1, 30))
        .tx(vote(10, MX, 1, 5));
    at(16, "2024-01-03T20:00:00Z").tx(new ValidatorAdded(NEW_VALIDATOR), new ProposalExecuted(7));
    at(17, "2024-01-03T21:00:00Z").tx(new ValidatorRemoved(OLD_VALIDATOR), new ProposalExecuted(8));
    at(HEAD, "2024-01-04T09:00:00Z").tx(new AccountRemoved(Z, MY));
    return this;
  }

  private Batch build() {
    // the batch's last block is stored as such, not again among the others
    return new Batch(
        SampleEvents.genesisBlock().cursor(),
        blocks.getLast(),
        blocks.subList(0, blocks.size() - 1),
        List.copyOf(logs));
  }

  private AnalyticsChain at(long block, String instant) {
    number = block;
    logIndex = 0;
    txIndex = 0;
    blocks.add(
        new Block(
            block,
            SampleEvents.blockHash(block),
            SampleEvents.blockHash(block - 1),
            time(instant)));
    return this;
  }

  private AnalyticsChain tx(LedgerEvent... events) {
    txs.add(tx(txs.size() + 1));
    for (LedgerEvent event : events) {
      logs.add(
          new DecodedLog(
              new LogPosition(
                  number, logIndex++, SampleEvents.blockHash(number), txs.getLast(), txIndex),
              event));
    }
    txIndex++;
    return this;
  }

  private AnalyticsChain tx(List<LedgerEvent> events) {
    return tx(events.toArray(LedgerEvent[]::new));
  }

  static BigInteger tokens(long n) {
    return T.multiply(BigInteger.valueOf(n));
  }

  private static DatasetAttested dataset(Bytes32 id, EthAddress owner, Bytes32... parents) {
    return new DatasetAttested(
        id,
        owner,
        id("content of " + id),
        "s3://" + id.toHexString(),
        "CC-BY-4.0",
        List.of(parents));
  }

  private static RoundOpened round(Bytes32 model, long round) {
    return new RoundOpened(model, round, id("base"), tokens(1000), BigInteger.valueOf(99));
  }

  private static List<LedgerEvent> update(
      Bytes32 model, long round, EthAddress contributor, Bytes32... datasets) {
    return List.of(
        new UpdateSubmitted(model, round, contributor, id("update " + contributor), BigInteger.TEN),
        new UpdateDatasets(model, round, contributor, List.of(datasets), id("metrics")));
  }

  private static ContributionRewarded reward(
      Bytes32 model, long round, EthAddress contributor, BigInteger amount) {
    return new ContributionRewarded(model, round, contributor, BigInteger.ONE, amount);
  }

  private static List<LedgerEvent> proposal(
      long id, int kind, long voteStart, long voteEnd, long eta, long expiresAt, long quorum) {
    return List.of(
        new ProposalCreated(
            id,
            OWNER,
            SampleEvents.MEMBER,
            kind,
            Bytes.EMPTY,
            "proposal " + id,
            7,
            voteStart,
            voteEnd,
            BigInteger.valueOf(100)),
        new ProposalTerms(id, eta, expiresAt, BigInteger.valueOf(quorum), BigInteger.valueOf(50)));
  }

  private static VoteCast vote(long proposal, Bytes32 member, int support, long weight) {
    EthAddress voter = member.equals(MX) ? X : Y;
    return new VoteCast(
        proposal, voter, member, support, BigInteger.valueOf(weight), tokens(weight * weight));
  }
}

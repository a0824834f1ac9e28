package org.ailedger.node.p2p.eth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.ailedger.node.block.BlockBody;
import org.ailedger.node.p2p.eth.EthMessage.GetPooledTransactions;
import org.ailedger.node.p2p.eth.EthMessage.NewPooledTransactionHashes;
import org.ailedger.node.p2p.eth.EthMessage.PooledTransactions;
import org.ailedger.node.tx.Transaction;
import org.ailedger.node.tx.TransactionType;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks peers for the transactions they announce by hash: each hash this node has neither pooled nor
 * already asked someone for goes into a GetPooledTransactions to the announcing peer, and the
 * answer is checked against what was asked and announced before its transactions go to the pool. A
 * hash is asked of one peer at a time; it can be asked again (of whoever announces it next) once
 * that request is answered, times out after {@link #REQUEST_TIMEOUT}, or its peer leaves.
 *
 * <p>Bounds: at most {@link #MAX_IN_FLIGHT} hashes asked and unanswered, {@link
 * #MAX_HASHES_PER_REQUEST} per request. Thread-safe; the eth worker is its only caller in practice.
 */
final class TransactionFetcher {
  private static final Logger LOG = LoggerFactory.getLogger(TransactionFetcher.class);

  /** caps/eth.md: "The recommended soft limit for GetPooledTransactions requests is 256 hashes". */
  static final int MAX_HASHES_PER_REQUEST = 256;

  /** Announced bytes asked for in one request, the soft limit this node serves answers within. */
  static final long MAX_REQUEST_BYTES = EthRequestServer.SOFT_RESPONSE_BYTES;

  /** Hashes asked and not yet answered, across all peers: caps/eth.md's announcement soft limit. */
  static final int MAX_IN_FLIGHT = 4096;

  /** How long a peer has to answer before its hashes may be asked of another announcer. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  /** What a peer's announcement said of one transaction: its EIP-2718 type (0 legacy) and size. */
  record Announced(int type, long size) {}

  /** What to make of a PooledTransactions. */
  sealed interface Delivery {
    /** The answer to one of our requests: the asked transactions it carries, to admit. */
    record Asked(List<Transaction> transactions) implements Delivery {
      public Asked {
        transactions = List.copyOf(transactions);
      }
    }

    /** An answer to a request that timed out, was answered, or went to another peer: dropped. */
    record Late() implements Delivery {}

    /** An answer that breaks the protocol: disconnect with {@code violation}. */
    record Violation(EthProtocolViolation violation, String detail) implements Delivery {}
  }

  private record Request(EthPeer peer, Map<Bytes32, Announced> asked, Instant deadline) {}

  private final Clock clock;
  // hash → id of the request that asked for it
  private final Map<Bytes32, Long> inFlight = new HashMap<>();
  // in the order sent, which is also deadline order
  private final LinkedHashMap<Long, Request> requests = new LinkedHashMap<>();
  private long nextRequestId = 1;

  TransactionFetcher(Clock clock) {
    this.clock = clock;
  }

  /**
   * The requests to send {@code peer} for the first {@code limit} transactions of its announcement
   * that are of a type this chain takes, not {@code pooled}, and not asked of anyone yet.
   */
  synchronized List<GetPooledTransactions> announced(
      EthPeer peer, NewPooledTransactionHashes announcement, int limit, Predicate<Bytes32> pooled) {
    expire();
    List<GetPooledTransactions> out = new ArrayList<>();
    Map<Bytes32, Announced> batch = new LinkedHashMap<>();
    long bytes = 0;
    int count = Math.min(limit, announcement.hashes().size());
    for (int i = 0; i < count; i++) {
      Bytes32 hash = announcement.hashes().get(i);
      Announced what =
          new Announced(announcement.types().get(i) & 0xFF, announcement.sizes().get(i));
      if (!isFetchable(what)
          || inFlight.containsKey(hash)
          || batch.containsKey(hash)
          || pooled.test(hash)) {
        continue;
      }
      if (inFlight.size() + batch.size() >= MAX_IN_FLIGHT) {
        LOG.debug("{} transactions asked for already; not asking for more", MAX_IN_FLIGHT);
        break;
      }
      if (batch.size() == MAX_HASHES_PER_REQUEST || bytes + what.size() > MAX_REQUEST_BYTES) {
        out.add(request(peer, batch));
        batch = new LinkedHashMap<>();
        bytes = 0;
      }
      batch.put(hash, what);
      bytes += what.size();
    }
    if (!batch.isEmpty()) {
      out.add(request(peer, batch));
    }
    return out;
  }

  /** Checks {@code answer} from {@code peer} against its request, which it ends either way. */
  synchronized Delivery delivered(EthPeer peer, PooledTransactions answer) {
    long id = answer.requestId();
    if (id <= 0 || id >= nextRequestId) {
      return new Delivery.Violation(
          EthProtocolViolation.UNSOLICITED_RESPONSE, "PooledTransactions for no request");
    }
    Request request = requests.get(id);
    if (request == null || request.peer() != peer) {
      return new Delivery.Late();
    }
    end(id);
    Map<Bytes32, Announced> unanswered = new HashMap<>(request.asked());
    List<Transaction> transactions = new ArrayList<>();
    List<Bytes> items = answer.transactions();
    for (int i = 0; i < items.size(); i++) {
      Transaction tx;
      try {
        tx = BlockBody.decodeTransaction(items.get(i), i);
      } catch (IllegalArgumentException e) {
        // a transaction the pool would refuse anyway; peers run other versions, so no penalty
        LOG.debug("Ignored a pooled transaction: {}", e.getMessage());
        continue;
      }
      Announced announced = unanswered.remove(tx.hash());
      if (announced == null) {
        return new Delivery.Violation(
            EthProtocolViolation.MISMATCHED_RESPONSE, "transaction " + tx.hash() + " not asked");
      }
      Announced actual = new Announced(typeOf(tx), tx.encoded().size());
      if (!actual.equals(announced)) {
        return new Delivery.Violation(
            EthProtocolViolation.MISMATCHED_RESPONSE,
            "transaction " + tx.hash() + " is " + actual + " but was announced " + announced);
      }
      transactions.add(tx);
    }
    return new Delivery.Asked(transactions);
  }

  /** Frees what {@code peer} was asked, so other announcers of it can be asked. */
  synchronized void peerGone(EthPeer peer) {
    List<Long> ids =
        requests.entrySet().stream()
            .filter(e -> e.getValue().peer() == peer)
            .map(Map.Entry::getKey)
            .toList();
    ids.forEach(this::end);
  }

  /** Hashes asked and unanswered. */
  synchronized int inFlight() {
    return inFlight.size();
  }

  /** The announcement's type byte of {@code tx}: 0 for legacy, else its EIP-2718 type. */
  static int typeOf(Transaction tx) {
    return Math.max(0, tx.type().typeByte());
  }

  private static boolean isFetchable(Announced what) {
    boolean known = false;
    for (TransactionType type : TransactionType.values()) {
      known |= Math.max(0, type.typeByte()) == what.type();
    }
    // a size beyond the message cap (or 2^63 and more, read as negative) could never arrive
    return known && what.size() > 0 && what.size() <= EthProtocol.MAX_MESSAGE_SIZE;
  }

  private GetPooledTransactions request(EthPeer peer, Map<Bytes32, Announced> batch) {
    long id = nextRequestId++;
    requests.put(id, new Request(peer, batch, clock.instant().plus(REQUEST_TIMEOUT)));
    batch.keySet().forEach(hash -> inFlight.put(hash, id));
    return new GetPooledTransactions(id, List.copyOf(batch.keySet()));
  }

  private void expire() {
    Instant now = clock.instant();
    Iterator<Map.Entry<Long, Request>> oldestFirst = requests.entrySet().iterator();
    while (oldestFirst.hasNext()) {
      Map.Entry<Long, Request> oldest = oldestFirst.next();
      if (oldest.getValue().deadline().isAfter(now)) {
        return;
      }
      oldestFirst.remove();
      oldest.getValue().asked().keySet().forEach(hash -> inFlight.remove(hash, oldest.getKey()));
      LOG.debug(
          "Request {} for {} transactions to {} timed out",
          oldest.getKey(),
          oldest.getValue().asked().size(),
          oldest.getValue().peer().nodeId().slice(0, 8));
    }
  }

  private void end(long id) {
    Request request = requests.remove(id);
    if (request != null) {
      request.asked().keySet().forEach(hash -> inFlight.remove(hash, id));
    }
  }
}

package org.ailedger.node.txpool;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.ailedger.node.tx.RecoveredTransaction;
import org.ailedger.node.tx.RejectionReason;
import org.ailedger.node.tx.Transaction;
import org.ailedger.node.tx.TransactionRejection;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pending transactions of this node, bounded, per sender in nonce order.
 *
 * <p><b>Threading.</b> JSON-RPC threads submit while the block producer selects and the chain
 * prunes; one lock guards the pool's maps and is held only for map work. Sender recovery ({@link
 * TransactionAdmission}) and state reads ({@link SenderStateView}) run outside it, so a slow trie
 * read never stalls other submitters. The price is that state can move between a read and the
 * locked update — e.g. a block lands after a nonce was checked — which is harmless: selection
 * starts every sender at its account nonce, and the next block's pruning removes what went stale.
 *
 * <p><b>Bounds.</b> Every pooled transaction counts against {@link
 * TxPoolConfig#maxPooledTransactions()} and its sender's {@link TxPoolConfig#maxPerSender()}; when
 * full, only the last transaction of a sender's nonce sequence is evicted, so no sender is left
 * with a gap the pool itself made.
 */
public final class TransactionPool implements PendingTransactions {
  private static final Logger LOG = LoggerFactory.getLogger(TransactionPool.class);

  /** Fee order when no base fee is known (eviction): tip first, then fee cap. */
  private static final Comparator<Transaction> FEE_RANK =
      Comparator.comparing(Transaction::maxPriorityFeePerGas)
          .thenComparing(Transaction::maxFeePerGas);

  private final TransactionAdmission admission;
  private final SenderStateView state;
  private final TxPoolConfig config;
  private final PriceBump priceBump;
  private final SubmitObserver observer;

  private final Object lock = new Object();
  // written only under the lock, together with bySender; read without it, so the duplicate check
  // of every submission and lookups by hash never wait behind block selection or pruning
  private final Map<Bytes32, RecoveredTransaction> byHash = new ConcurrentHashMap<>();
  private final Map<Address, SenderQueue> bySender = new HashMap<>();
  private long nextSequence;

  public TransactionPool(
      TransactionAdmission admission, SenderStateView state, TxPoolConfig config) {
    this(admission, state, config, SubmitObserver.NONE);
  }

  public TransactionPool(
      TransactionAdmission admission,
      SenderStateView state,
      TxPoolConfig config,
      SubmitObserver observer) {
    this.admission = Objects.requireNonNull(admission, "admission");
    this.state = Objects.requireNonNull(state, "state");
    this.config = Objects.requireNonNull(config, "config");
    this.observer = Objects.requireNonNull(observer, "observer");
    this.priceBump = new PriceBump(config.priceBumpPercent());
  }

  @Override
  public SubmitResult submit(Transaction tx) {
    SubmitResult result = admit(Objects.requireNonNull(tx, "transaction"));
    observer.submitted(result);
    if (LOG.isDebugEnabled()) {
      switch (result) {
        case SubmitResult.Accepted accepted -> LOG.debug("Pooled {}", tx.hash());
        case SubmitResult.Rejected rejected ->
            LOG.debug("Refused {}: {}", tx.hash(), rejected.rejection().reason());
      }
    }
    return result;
  }

  private SubmitResult admit(Transaction tx) {
    Bytes32 hash = tx.hash();
    // a cheap look before the expensive sender recovery; repeated under the lock below
    if (byHash(hash).isPresent()) {
      return alreadyKnown(hash);
    }
    Address sender;
    switch (admission.admit(tx)) {
      case AdmissionResult.Refused refused -> {
        return new SubmitResult.Rejected(refused.rejection());
      }
      case AdmissionResult.Admitted admitted -> sender = admitted.sender();
    }
    Optional<SubmitResult> refusal = checkAgainstHead(tx, sender);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    synchronized (lock) {
      return insert(new RecoveredTransaction(tx, sender, nextSequence++));
    }
  }

  /** The checks against the sender's account at the head: allowlist, nonce window, balance. */
  private Optional<SubmitResult> checkAgainstHead(Transaction tx, Address sender) {
    if (!state.isPermitted(sender)) {
      return Optional.of(
          reject(
              RejectionReason.SENDER_NOT_PERMITTED,
              "sender " + sender + " is not on the account allowlist of this network"));
    }
    long accountNonce = state.nonce(sender);
    if (tx.nonce() < accountNonce) {
      return Optional.of(
          reject(
              RejectionReason.NONCE_TOO_LOW,
              "nonce %d is too low: the next nonce of %s is %d"
                  .formatted(tx.nonce(), sender, accountNonce)));
    }
    if (tx.nonce() - accountNonce > config.maxNonceGap()) {
      return Optional.of(
          reject(
              RejectionReason.NONCE_TOO_HIGH,
              ("nonce %d is too far ahead: the next nonce of %s is %d and the pool holds nonces"
                      + " at most %d beyond it; send the missing nonces first")
                  .formatted(tx.nonce(), sender, accountNonce, config.maxNonceGap())));
    }
    BigInteger maxCost =
        tx.value()
            .toBigInteger()
            .add(BigInteger.valueOf(tx.gasLimit()).multiply(tx.maxFeePerGas().toBigInteger()));
    UInt256 balance = state.balance(sender);
    if (maxCost.compareTo(balance.toBigInteger()) > 0) {
      return Optional.of(
          reject(
              RejectionReason.INSUFFICIENT_BALANCE,
              ("the balance of %s is %s wei but the transaction may cost up to %s wei"
                      + " (value + gas limit × max fee per gas)")
                  .formatted(sender, balance.toDecimalString(), maxCost)));
    }
    return Optional.empty();
  }

  /** Places an admitted, state-checked transaction; the caller holds the lock. */
  private SubmitResult insert(RecoveredTransaction pending) {
    Transaction tx = pending.transaction();
    Address sender = pending.sender();
    if (byHash.containsKey(tx.hash())) {
      return alreadyKnown(tx.hash());
    }
    SenderQueue queue = bySender.get(sender);
    RecoveredTransaction pooled = queue == null ? null : queue.get(tx.nonce());
    if (pooled != null) {
      return replace(pooled, pending, queue);
    }
    if (queue != null && queue.size() >= config.maxPerSender()) {
      RecoveredTransaction last = queue.last();
      if (last.transaction().nonce() < tx.nonce()) {
        return reject(
            RejectionReason.POOL_FULL,
            ("sender %s already has %d transactions pooled, the most one sender may have;"
                    + " wait until some are included")
                .formatted(sender, queue.size()));
      }
      // the newcomer fills a nonce below the sender's last, which is worth more to the sender
      evict(last, "its sender's lower nonce " + tx.nonce() + " arrived at the per-sender limit");
    } else if (byHash.size() >= config.maxPooledTransactions()) {
      Optional<RecoveredTransaction> cheapest = cheapestEvictable(sender);
      if (cheapest.isEmpty() || FEE_RANK.compare(tx, cheapest.get().transaction()) <= 0) {
        return reject(
            RejectionReason.POOL_FULL,
            ("the transaction pool is full (%d transactions) and this transaction pays no"
                    + " more than any it could displace; retry later or raise"
                    + " maxPriorityFeePerGas")
                .formatted(config.maxPooledTransactions()));
      }
      evict(cheapest.get(), "the pool is full and " + tx.hash() + " pays more");
    }
    add(pending);
    return new SubmitResult.Accepted(tx.hash());
  }

  private SubmitResult replace(
      RecoveredTransaction pooled, RecoveredTransaction replacement, SenderQueue queue) {
    Transaction old = pooled.transaction();
    Transaction tx = replacement.transaction();
    if (!priceBump.isMetBy(old.maxFeePerGas(), tx.maxFeePerGas())
        || !priceBump.isMetBy(old.maxPriorityFeePerGas(), tx.maxPriorityFeePerGas())) {
      return reject(
          RejectionReason.REPLACEMENT_UNDERPRICED,
          ("transaction %s with nonce %d from %s is already pooled; to replace it offer"
                  + " maxFeePerGas ≥ %s and maxPriorityFeePerGas ≥ %s (%d %% above it)")
              .formatted(
                  old.hash(),
                  old.nonce(),
                  pooled.sender(),
                  priceBump.minimum(old.maxFeePerGas()),
                  priceBump.minimum(old.maxPriorityFeePerGas()),
                  config.priceBumpPercent()));
    }
    byHash.remove(old.hash());
    queue.put(replacement);
    byHash.put(tx.hash(), replacement);
    LOG.debug("Replaced {} by {}", old.hash(), tx.hash());
    return new SubmitResult.Accepted(tx.hash());
  }

  /**
   * The lowest-paying transaction that is last in its sender's sequence, excluding the newcomer's
   * own sender (evicting its last nonce could leave the newcomer behind a gap). Among equals the
   * latest arrival goes first. A scan over senders: it only runs when the pool is full.
   */
  private Optional<RecoveredTransaction> cheapestEvictable(Address newcomer) {
    Comparator<RecoveredTransaction> cheapestFirst =
        Comparator.comparing(RecoveredTransaction::transaction, FEE_RANK)
            .thenComparing(RecoveredTransaction::sequence, Comparator.reverseOrder());
    return bySender.entrySet().stream()
        .filter(entry -> !entry.getKey().equals(newcomer))
        .map(entry -> entry.getValue().last())
        .min(cheapestFirst);
  }

  private void add(RecoveredTransaction pending) {
    bySender.computeIfAbsent(pending.sender(), s -> new SenderQueue()).put(pending);
    byHash.put(pending.transaction().hash(), pending);
  }

  private void evict(RecoveredTransaction victim, String why) {
    remove(victim);
    LOG.debug("Evicted {}: {}", victim.transaction().hash(), why);
  }

  private void remove(RecoveredTransaction pending) {
    Transaction tx = pending.transaction();
    byHash.remove(tx.hash());
    SenderQueue queue = bySender.get(pending.sender());
    queue.remove(tx.nonce());
    if (queue.isEmpty()) {
      bySender.remove(pending.sender());
    }
  }

  /**
   * The transactions for the next block: for each permitted sender, its pooled transactions with
   * consecutive nonces from its account nonce, in nonce order; senders interleaved by the price
   * their next transaction pays at {@code baseFee}, then by arrival. Skips transactions whose fee
   * cap is below {@code baseFee}; stops at {@code maxCount} transactions or when the next one's gas
   * limit no longer fits in what is left of {@code gasLimit}.
   */
  public List<RecoveredTransaction> selectForBlock(long gasLimit, UInt256 baseFee, int maxCount) {
    if (gasLimit < 0 || maxCount < 0) {
      throw new IllegalArgumentException("gas limit and count must not be negative");
    }
    Objects.requireNonNull(baseFee, "baseFee");
    Map<Address, Long> accountNonces = new LinkedHashMap<>();
    for (Address sender : senders()) {
      if (state.isPermitted(sender)) {
        accountNonces.put(sender, state.nonce(sender));
      }
    }
    List<List<RecoveredTransaction>> runs = new ArrayList<>();
    synchronized (lock) {
      accountNonces.forEach(
          (sender, nonce) -> {
            SenderQueue queue = bySender.get(sender);
            if (queue != null) {
              runs.add(queue.executableFrom(nonce));
            }
          });
    }
    return BlockSelector.select(runs, gasLimit, baseFee, maxCount);
  }

  /**
   * Drops a transaction block building found it cannot include (e.g. the sender can no longer pay),
   * so it is not selected again every block. Later nonces of its sender wait for a replacement, as
   * with any gap.
   */
  public boolean discard(Bytes32 hash) {
    synchronized (lock) {
      RecoveredTransaction pending = byHash.get(hash);
      if (pending == null) {
        return false;
      }
      remove(pending);
      return true;
    }
  }

  /**
   * Removes the included transactions, then re-reads every pooled sender's state to drop nonces the
   * new head has used up (also by transactions this pool never saw) and all transactions of senders
   * no longer permitted. Reads state once per pooled sender, so a caller on a thread that must not
   * block should hand this to a worker.
   */
  public void onBlockCommitted(List<Transaction> included) {
    int removed = 0;
    synchronized (lock) {
      for (Transaction tx : included) {
        RecoveredTransaction pending = byHash.get(tx.hash());
        if (pending != null) {
          remove(pending);
          removed++;
        }
      }
    }
    Map<Address, Long> accountNonces = new HashMap<>();
    List<Address> unpermitted = new ArrayList<>();
    for (Address sender : senders()) {
      if (state.isPermitted(sender)) {
        accountNonces.put(sender, state.nonce(sender));
      } else {
        unpermitted.add(sender);
      }
    }
    int stale = 0;
    synchronized (lock) {
      for (Address sender : unpermitted) {
        SenderQueue queue = bySender.remove(sender);
        if (queue != null) {
          for (RecoveredTransaction pending : queue.all()) {
            byHash.remove(pending.transaction().hash());
            stale++;
          }
        }
      }
      for (Map.Entry<Address, Long> entry : accountNonces.entrySet()) {
        SenderQueue queue = bySender.get(entry.getKey());
        if (queue != null) {
          for (RecoveredTransaction pending : queue.removeBelow(entry.getValue())) {
            byHash.remove(pending.transaction().hash());
            stale++;
          }
          if (queue.isEmpty()) {
            bySender.remove(entry.getKey());
          }
        }
      }
    }
    LOG.debug(
        "Block pruned {} included and {} stale transactions; {} remain", removed, stale, size());
  }

  /**
   * The nonce the sender should use next: its account nonce at the head, advanced past every pooled
   * transaction that directly follows it. A gap stops the count, since the first missing nonce is
   * what the sender must send next.
   *
   * <p>The pool is read before the head, never after: the chain moves its head first and prunes the
   * pool second, so a snapshot that has lost the included transactions was taken after the head
   * moved. Reading the head first could pair the old head with the pruned pool and hand a wallet
   * the nonce it has just used.
   */
  @Override
  public long nextNonce(Address sender) {
    NavigableSet<Long> pooled;
    synchronized (lock) {
      SenderQueue queue = bySender.get(sender);
      pooled = queue == null ? Collections.emptyNavigableSet() : queue.nonces();
    }
    long nonce = state.nonce(sender);
    while (pooled.contains(nonce)) {
      nonce++;
    }
    return nonce;
  }

  /** The sender recovered when {@code hash} was admitted, while it is pooled. */
  public Optional<Address> senderOf(Bytes32 hash) {
    return byHash(hash).map(RecoveredTransaction::sender);
  }

  @Override
  public Optional<RecoveredTransaction> byHash(Bytes32 hash) {
    return Optional.ofNullable(byHash.get(hash));
  }

  @Override
  public int size() {
    return byHash.size();
  }

  private List<Address> senders() {
    synchronized (lock) {
      return new ArrayList<>(bySender.keySet());
    }
  }

  private static SubmitResult alreadyKnown(Bytes32 hash) {
    return reject(RejectionReason.ALREADY_KNOWN, "transaction " + hash + " is already pooled");
  }

  private static SubmitResult reject(RejectionReason reason, String message) {
    return new SubmitResult.Rejected(new TransactionRejection(reason, message));
  }
}

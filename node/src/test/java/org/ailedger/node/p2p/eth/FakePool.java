package org.ailedger.node.p2p.eth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ailedger.node.tx.Transaction;
import org.apache.tuweni.bytes.Bytes32;

/** A pool that takes every new transaction and remembers what was submitted to it. */
public final class FakePool implements PoolAccess {
  public final Map<Bytes32, Transaction> pooled = new LinkedHashMap<>();
  public final List<Transaction> submitted = new ArrayList<>();

  public void add(Transaction tx) {
    pooled.put(tx.hash(), tx);
  }

  @Override
  public Optional<Transaction> pooled(Bytes32 hash) {
    return Optional.ofNullable(pooled.get(hash));
  }

  @Override
  public boolean submit(Transaction tx) {
    submitted.add(tx);
    return pooled.putIfAbsent(tx.hash(), tx) == null;
  }
}

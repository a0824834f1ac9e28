package org.ailedger.bench.indexer;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.ailedger.indexer.event.EthAddress;
import org.ailedger.indexer.event.RawLog;
import org.ailedger.indexer.ingest.ChainSource;
import org.ailedger.indexer.ingest.NodeException;
import org.ailedger.indexer.store.Block;
import org.apache.tuweni.bytes.Bytes;

/**
 * The node as the ingester sees it, with the time spent waiting for its answers summed, so a
 * back-fill can say how much of its time the node took and how much decoding and the store took.
 * Used from the ingest thread only.
 */
final class TimedChainSource implements ChainSource {
  private final ChainSource node;
  private long nanos;

  TimedChainSource(ChainSource node) {
    this.node = node;
  }

  /** Nanoseconds spent in the node's calls so far. */
  long nanos() {
    return nanos;
  }

  @Override
  public long chainId() throws NodeException {
    long start = System.nanoTime();
    try {
      return node.chainId();
    } finally {
      nanos += System.nanoTime() - start;
    }
  }

  @Override
  public long headNumber() throws NodeException {
    long start = System.nanoTime();
    try {
      return node.headNumber();
    } finally {
      nanos += System.nanoTime() - start;
    }
  }

  @Override
  public Map<Long, Block> blocks(Collection<Long> numbers) throws NodeException {
    long start = System.nanoTime();
    try {
      return node.blocks(numbers);
    } finally {
      nanos += System.nanoTime() - start;
    }
  }

  @Override
  public List<RawLog> logs(long fromBlock, long toBlock, List<EthAddress> addresses)
      throws NodeException {
    long start = System.nanoTime();
    try {
      return node.logs(fromBlock, toBlock, addresses);
    } finally {
      nanos += System.nanoTime() - start;
    }
  }

  @Override
  public Bytes call(EthAddress to, Bytes data, long blockNumber) throws NodeException {
    long start = System.nanoTime();
    try {
      return node.call(to, data, blockNumber);
    } finally {
      nanos += System.nanoTime() - start;
    }
  }
}

package org.ailedger.indexer.ingest;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.ailedger.indexer.event.EthAddress;
import org.ailedger.indexer.event.RawLog;
import org.ailedger.indexer.store.Block;
import org.apache.tuweni.bytes.Bytes;

/** What the indexer asks of the node it follows; over JSON-RPC in production. */
public interface ChainSource {
  /** {@code eth_chainId}. */
  long chainId() throws NodeException;

  /** {@code eth_blockNumber}: the node's head. */
  long headNumber() throws NodeException;

  /**
   * The headers of the given blocks, by number.
   *
   * @throws NodeException also if the node does not have one of them
   */
  Map<Long, Block> blocks(Collection<Long> numbers) throws NodeException;

  /** {@code eth_getLogs} of the given contracts over the inclusive block range, in chain order. */
  List<RawLog> logs(long fromBlock, long toBlock, List<EthAddress> addresses) throws NodeException;

  /**
   * {@code eth_call} of {@code data} to {@code to} in the state after block {@code blockNumber}.
   */
  Bytes call(EthAddress to, Bytes data, long blockNumber) throws NodeException;
}

package org.ailedger.node.rpc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.block.LogsBloom;
import org.ailedger.node.block.QbftExtraData;
import org.ailedger.node.block.TransactionReceipt;
import org.ailedger.node.chain.BlockAdded;
import org.ailedger.node.chain.ChainEvents;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.chain.Registration;
import org.ailedger.node.chain.TransactionLocation;
import org.ailedger.node.tx.Transaction;
import org.ailedger.types.Address;
import org.ailedger.types.Log;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.web3j.crypto.Hash;

/**
 * An in-memory chain of real headers, blocks and receipts. Appending a block fires the listeners,
 * as the node does after a commit.
 */
public final class TestChain implements ChainReader, ChainEvents {
  public static final long CHAIN_ID = 1337;
  public static final long GAS_LIMIT = 30_000_000;
  public static final List<Address> VALIDATORS =
      List.of(Address.of(0xA1), Address.of(0xA2), Address.of(0xA3), Address.of(0xA4));

  private final List<Block> blocks = new CopyOnWriteArrayList<>();
  private final Map<Bytes32, Block> byHash = new HashMap<>();
  private final Map<Bytes32, List<TransactionReceipt>> receipts = new HashMap<>();
  private final Map<Bytes32, TransactionLocation> locations = new HashMap<>();
  private final List<Consumer<BlockAdded>> listeners = new CopyOnWriteArrayList<>();
  private UInt256 baseFee;
  private boolean bloomLies;

  public TestChain(UInt256 baseFee) {
    this.baseFee = baseFee;
  }

  /** Appends a block with these transactions and receipts and fires the listeners. */
  public synchronized Block append(List<Transaction> txs, List<TransactionReceipt> txReceipts) {
    long number = blocks.size();
    Bytes32 parent = number == 0 ? Bytes32.ZERO : blocks.get((int) number - 1).header().hash();
    List<Log> logs = new ArrayList<>();
    txReceipts.forEach(r -> logs.addAll(r.logs()));
    long gasUsed =
        txReceipts.isEmpty() ? 0 : txReceipts.get(txReceipts.size() - 1).cumulativeGasUsed();
    BlockHeader header =
        new BlockHeader(
            parent,
            BlockHeader.EMPTY_OMMERS_HASH,
            VALIDATORS.get((int) (number % VALIDATORS.size())),
            stateRoot(number),
            Bytes32.wrap(Hash.sha3(("txs" + number).getBytes())),
            Bytes32.wrap(Hash.sha3(("receipts" + number).getBytes())),
            bloomLies ? LogsBloom.EMPTY : LogsBloom.of(logs),
            UInt256.ONE,
            number,
            GAS_LIMIT,
            gasUsed,
            1_700_000_000L + number,
            QbftExtraData.genesis(VALIDATORS).encode(),
            BlockHeader.QBFT_MIX_HASH,
            0,
            baseFee);
    Block block = new Block(header, txs);
    Bytes32 hash = header.hash();
    blocks.add(block);
    byHash.put(hash, block);
    receipts.put(hash, List.copyOf(txReceipts));
    for (int i = 0; i < txs.size(); i++) {
      locations.put(txs.get(i).hash(), new TransactionLocation(hash, number, i));
    }
    BlockAdded event = new BlockAdded(block, txReceipts);
    listeners.forEach(l -> l.accept(event));
    return block;
  }

  /** From now on headers carry an empty bloom whatever their logs: to prove the bloom is read. */
  public synchronized void makeBloomsLie() {
    bloomLies = true;
  }

  public static Bytes32 stateRoot(long number) {
    return Bytes32.wrap(Hash.sha3(Bytes.ofUnsignedLong(number).toArrayUnsafe()));
  }

  public Block blockAt(long number) {
    return blocks.get((int) number);
  }

  public int listenerCount() {
    return listeners.size();
  }

  @Override
  public long chainId() {
    return CHAIN_ID;
  }

  @Override
  public BlockHeader head() {
    return blocks.get(blocks.size() - 1).header();
  }

  @Override
  public Optional<BlockHeader> header(long number) {
    return block(number).map(Block::header);
  }

  @Override
  public synchronized Optional<BlockHeader> header(Bytes32 blockHash) {
    return Optional.ofNullable(byHash.get(blockHash)).map(Block::header);
  }

  @Override
  public Optional<Block> block(long number) {
    return number >= 0 && number < blocks.size()
        ? Optional.of(blocks.get((int) number))
        : Optional.empty();
  }

  @Override
  public synchronized Optional<Block> block(Bytes32 blockHash) {
    return Optional.ofNullable(byHash.get(blockHash));
  }

  @Override
  public synchronized List<TransactionReceipt> receipts(Bytes32 blockHash) {
    return receipts.getOrDefault(blockHash, List.of());
  }

  @Override
  public synchronized Optional<TransactionLocation> transactionLocation(Bytes32 transactionHash) {
    return Optional.ofNullable(locations.get(transactionHash));
  }

  @Override
  public Registration onBlockAdded(Consumer<BlockAdded> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }
}

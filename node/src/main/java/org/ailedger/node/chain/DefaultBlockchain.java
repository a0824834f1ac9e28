package org.ailedger.node.chain;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.block.ReceiptCodec;
import org.ailedger.node.block.TransactionReceipt;
import org.ailedger.node.state.StateCommit;
import org.ailedger.node.storage.Column;
import org.ailedger.node.storage.KeyValueStore;
import org.ailedger.node.storage.WriteBatch;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The canonical chain on disk. A block, its receipts, its transaction index entries, the trie nodes
 * of its state and the new head pointer are written in one batch, so after a crash the chain is
 * exactly as it was after some complete block.
 *
 * <p>Appends are serialized by the caller (the one consensus/import thread); reads are safe from
 * any thread.
 */
public final class DefaultBlockchain implements ChainReader, ChainEvents {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultBlockchain.class);

  /** Enough for clients still polling the receipts of the last few blocks. */
  private static final int RECENT_BLOCKS = 8;

  private final KeyValueStore store;
  private final long chainId;
  private final List<Consumer<BlockAdded>> listeners = new CopyOnWriteArrayList<>();
  private final RecentBlocks recent = new RecentBlocks(RECENT_BLOCKS);
  private volatile BlockHeader head;

  private DefaultBlockchain(KeyValueStore store, long chainId, BlockHeader head) {
    this.store = store;
    this.chainId = chainId;
    this.head = head;
  }

  /**
   * Opens the chain in {@code store}, writing the genesis block first if the store is empty.
   *
   * @throws IllegalStateException if the store holds another chain
   */
  public static DefaultBlockchain open(
      KeyValueStore store, long chainId, Block genesis, StateCommit genesisState) {
    Bytes32 genesisHash = genesis.header().hash();
    Optional<Bytes> storedGenesis = store.get(Column.METADATA, ChainStorageCodec.GENESIS_KEY);
    if (storedGenesis.isEmpty()) {
      DefaultBlockchain chain = new DefaultBlockchain(store, chainId, genesis.header());
      WriteBatch batch = store.batch();
      chain.writeBlock(batch, genesis, List.of(), genesisState);
      batch.put(Column.METADATA, ChainStorageCodec.GENESIS_KEY, genesisHash);
      batch.commit();
      LOG.info("Initialized chain {} with genesis {}", chainId, genesisHash);
      return chain;
    }
    if (!storedGenesis.get().equals(genesisHash)) {
      throw new IllegalStateException(
          "the data directory holds a chain with genesis "
              + storedGenesis.get().toHexString()
              + ", but the genesis file gives "
              + genesisHash.toHexString());
    }
    Bytes32 headHash =
        Bytes32.wrap(
            store
                .get(Column.METADATA, ChainStorageCodec.HEAD_KEY)
                .orElseThrow(
                    () ->
                        new IllegalStateException("the data directory has a genesis but no head")));
    BlockHeader head =
        BlockHeader.decode(
            store
                .get(Column.HEADERS, headHash)
                .orElseThrow(
                    () -> new IllegalStateException("head block " + headHash + " is missing")));
    LOG.info("Opened chain {} at block {} ({})", chainId, head.number(), headHash);
    return new DefaultBlockchain(store, chainId, head);
  }

  /** Durably appends a block on top of the head and notifies listeners. */
  public void append(Block block, List<TransactionReceipt> receipts, StateCommit state) {
    BlockHeader current = head;
    if (block.number() != current.number() + 1
        || !block.header().parentHash().equals(current.hash())) {
      throw new IllegalStateException(
          "block " + block.number() + " does not extend head " + current.number());
    }
    WriteBatch batch = store.batch();
    writeBlock(batch, block, receipts, state);
    batch.commit();
    recent.add(block, receipts);
    head = block.header();
    BlockAdded event = new BlockAdded(block, receipts);
    for (Consumer<BlockAdded> listener : listeners) {
      try {
        listener.accept(event);
      } catch (RuntimeException e) {
        LOG.warn("A block listener failed on block {}", block.number(), e);
      }
    }
  }

  private void writeBlock(
      WriteBatch batch, Block block, List<TransactionReceipt> receipts, StateCommit state) {
    Bytes32 hash = block.header().hash();
    state.nodes().forEach((nodeHash, node) -> batch.put(Column.TRIE_NODES, nodeHash, node));
    state.code().forEach((codeHash, code) -> batch.put(Column.CODE, codeHash, code));
    batch.put(Column.HEADERS, hash, block.header().encode());
    batch.put(Column.BODIES, hash, ChainStorageCodec.encodeBody(block.transactions()));
    batch.put(Column.RECEIPTS, hash, ReceiptCodec.encodeForStorage(receipts));
    batch.put(Column.CANONICAL, ChainStorageCodec.numberKey(block.number()), hash);
    for (int i = 0; i < block.transactions().size(); i++) {
      batch.put(
          Column.TX_INDEX,
          block.transactions().get(i).hash(),
          ChainStorageCodec.encodeLocation(new TransactionLocation(hash, block.number(), i)));
    }
    batch.put(Column.METADATA, ChainStorageCodec.HEAD_KEY, hash);
  }

  @Override
  public long chainId() {
    return chainId;
  }

  @Override
  public BlockHeader head() {
    return head;
  }

  @Override
  public Optional<BlockHeader> header(long number) {
    return canonicalHash(number).flatMap(this::header);
  }

  @Override
  public Optional<BlockHeader> header(Bytes32 blockHash) {
    return store.get(Column.HEADERS, blockHash).map(BlockHeader::decode);
  }

  @Override
  public Optional<Block> block(long number) {
    return canonicalHash(number).flatMap(this::block);
  }

  @Override
  public Optional<Block> block(Bytes32 blockHash) {
    Optional<Block> cached = recent.block(blockHash);
    if (cached.isPresent()) {
      return cached;
    }
    return header(blockHash)
        .map(
            h ->
                new Block(
                    h,
                    ChainStorageCodec.decodeBody(
                        store
                            .get(Column.BODIES, blockHash)
                            .orElseThrow(
                                () ->
                                    new IllegalStateException(
                                        "body of block " + blockHash + " is missing")))));
  }

  @Override
  public List<TransactionReceipt> receipts(Bytes32 blockHash) {
    Optional<List<TransactionReceipt>> cached = recent.receipts(blockHash);
    if (cached.isPresent()) {
      return cached.get();
    }
    return store
        .get(Column.RECEIPTS, blockHash)
        .map(ReceiptCodec::decodeFromStorage)
        .orElse(List.of());
  }

  @Override
  public Optional<TransactionLocation> transactionLocation(Bytes32 transactionHash) {
    // The index lands with the block, a moment before the head moves; a receipt seen in that gap
    // would send a client to the old head's state for what it just did.
    return store
        .get(Column.TX_INDEX, transactionHash)
        .map(ChainStorageCodec::decodeLocation)
        .filter(location -> location.blockNumber() <= head.number());
  }

  @Override
  public Registration onBlockAdded(Consumer<BlockAdded> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  private Optional<Bytes32> canonicalHash(long number) {
    if (number < 0 || number > head.number()) {
      return Optional.empty();
    }
    return store.get(Column.CANONICAL, ChainStorageCodec.numberKey(number)).map(Bytes32::wrap);
  }
}

package org.ailedger.node.p2p.eth;

import java.util.List;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockBody;
import org.ailedger.node.block.BlockHeader;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * The eth/68 messages, with the layouts of devp2p {@code caps/eth.md} (revision of 2024-02, the
 * last to describe eth/68). Request ids, limits, skips and sizes are 64-bit unsigned on the wire
 * and held in a {@code long}: a value above {@link Long#MAX_VALUE} reads as negative. Transactions
 * and receipts this node only passes along are kept as their raw RLP items.
 */
public sealed interface EthMessage {
  int code();

  /** {@code [version, networkid, td, blockhash, genesis, forkid]}. */
  record Status(
      int version,
      long networkId,
      UInt256 totalDifficulty,
      Bytes32 bestHash,
      Bytes32 genesisHash,
      ForkId forkId)
      implements EthMessage {
    public Status {
      if (version < 0 || totalDifficulty == null || bestHash == null || genesisHash == null) {
        throw new IllegalArgumentException("status fields must be present");
      }
      if (forkId == null) {
        throw new IllegalArgumentException("status needs a fork id");
      }
    }

    @Override
    public int code() {
      return EthProtocol.STATUS;
    }
  }

  /** {@code [[hash, number], …]}. */
  record NewBlockHashes(List<Announcement> announcements) implements EthMessage {
    public NewBlockHashes {
      announcements = List.copyOf(announcements);
    }

    @Override
    public int code() {
      return EthProtocol.NEW_BLOCK_HASHES;
    }
  }

  /** One entry of {@link NewBlockHashes}. */
  record Announcement(Bytes32 hash, long number) {
    public Announcement {
      if (hash == null) {
        throw new IllegalArgumentException("an announcement needs a hash");
      }
    }
  }

  /** {@code [tx, …]}, each a legacy transaction list or a typed envelope as a byte string. */
  record Transactions(List<Bytes> transactions) implements EthMessage {
    public Transactions {
      transactions = List.copyOf(transactions);
    }

    @Override
    public int code() {
      return EthProtocol.TRANSACTIONS;
    }
  }

  /** {@code [request-id, [startblock, limit, skip, reverse]]}. */
  record GetBlockHeaders(long requestId, StartBlock start, long limit, long skip, boolean reverse)
      implements EthMessage {
    public GetBlockHeaders {
      if (start == null) {
        throw new IllegalArgumentException("a header request needs a start block");
      }
    }

    @Override
    public int code() {
      return EthProtocol.GET_BLOCK_HEADERS;
    }
  }

  /** Where a header request starts: a block number or a block hash. */
  sealed interface StartBlock {
    record Number(long number) implements StartBlock {}

    record Hash(Bytes32 hash) implements StartBlock {
      public Hash {
        if (hash == null) {
          throw new IllegalArgumentException("a start hash must be present");
        }
      }
    }
  }

  /** {@code [request-id, [header, …]]}. */
  record BlockHeaders(long requestId, List<BlockHeader> headers) implements EthMessage {
    public BlockHeaders {
      headers = List.copyOf(headers);
    }

    @Override
    public int code() {
      return EthProtocol.BLOCK_HEADERS;
    }
  }

  /** {@code [request-id, [hash, …]]}. */
  record GetBlockBodies(long requestId, List<Bytes32> hashes) implements EthMessage {
    public GetBlockBodies {
      hashes = List.copyOf(hashes);
    }

    @Override
    public int code() {
      return EthProtocol.GET_BLOCK_BODIES;
    }
  }

  /** {@code [request-id, [[txs, ommers], …]]}. */
  record BlockBodies(long requestId, List<BlockBody> bodies) implements EthMessage {
    public BlockBodies {
      bodies = List.copyOf(bodies);
    }

    @Override
    public int code() {
      return EthProtocol.BLOCK_BODIES;
    }
  }

  /** {@code [block, td]}, td being the total difficulty up to and including the block. */
  record NewBlock(Block block, UInt256 totalDifficulty) implements EthMessage {
    public NewBlock {
      if (block == null || totalDifficulty == null) {
        throw new IllegalArgumentException("NewBlock needs a block and its total difficulty");
      }
    }

    @Override
    public int code() {
      return EthProtocol.NEW_BLOCK;
    }
  }

  /** eth/68: {@code [types, [size, …], [hash, …]]}, three lists of equal length. */
  record NewPooledTransactionHashes(Bytes types, List<Long> sizes, List<Bytes32> hashes)
      implements EthMessage {
    public NewPooledTransactionHashes {
      sizes = List.copyOf(sizes);
      hashes = List.copyOf(hashes);
      if (types == null || types.size() != sizes.size() || sizes.size() != hashes.size()) {
        throw new IllegalArgumentException("types, sizes and hashes must be equally long");
      }
      types = types.copy();
    }

    @Override
    public int code() {
      return EthProtocol.NEW_POOLED_TRANSACTION_HASHES;
    }
  }

  /** {@code [request-id, [hash, …]]}. */
  record GetPooledTransactions(long requestId, List<Bytes32> hashes) implements EthMessage {
    public GetPooledTransactions {
      hashes = List.copyOf(hashes);
    }

    @Override
    public int code() {
      return EthProtocol.GET_POOLED_TRANSACTIONS;
    }
  }

  /** {@code [request-id, [tx, …]]}. */
  record PooledTransactions(long requestId, List<Bytes> transactions) implements EthMessage {
    public PooledTransactions {
      transactions = List.copyOf(transactions);
    }

    @Override
    public int code() {
      return EthProtocol.POOLED_TRANSACTIONS;
    }
  }

  /** {@code [request-id, [hash, …]]}. */
  record GetReceipts(long requestId, List<Bytes32> hashes) implements EthMessage {
    public GetReceipts {
      hashes = List.copyOf(hashes);
    }

    @Override
    public int code() {
      return EthProtocol.GET_RECEIPTS;
    }
  }

  /**
   * {@code [request-id, [[receipt, …], …]]}: per block, each receipt in its consensus encoding (a
   * typed receipt as a byte string of its envelope, a legacy one as its list).
   */
  record Receipts(long requestId, List<List<Bytes>> receipts) implements EthMessage {
    public Receipts {
      receipts = receipts.stream().map(List::copyOf).toList();
    }

    @Override
    public int code() {
      return EthProtocol.RECEIPTS;
    }
  }
}

package org.ailedger.node.p2p.eth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockBody;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.block.ReceiptCodec;
import org.ailedger.node.block.TransactionReceipt;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.p2p.eth.EthMessage.BlockBodies;
import org.ailedger.node.p2p.eth.EthMessage.BlockHeaders;
import org.ailedger.node.p2p.eth.EthMessage.GetBlockBodies;
import org.ailedger.node.p2p.eth.EthMessage.GetBlockHeaders;
import org.ailedger.node.p2p.eth.EthMessage.GetPooledTransactions;
import org.ailedger.node.p2p.eth.EthMessage.GetReceipts;
import org.ailedger.node.p2p.eth.EthMessage.PooledTransactions;
import org.ailedger.node.p2p.eth.EthMessage.Receipts;
import org.ailedger.node.p2p.eth.EthMessage.StartBlock;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.rlp.RLP;

/**
 * Answers a peer's data requests from the canonical chain and the transaction pool, as Besu's
 * {@code EthServer} does: at most a fixed number of items per answer, and no more bytes than the
 * spec's recommended soft limit (though always the first item found), so one request cannot make
 * this node read or send without bound. Unknown blocks and transactions are left out; an answer may
 * be empty.
 */
public final class EthRequestServer {
  /** Besu's {@code EthProtocolConfiguration.DEFAULT_MAX_GET_BLOCK_HEADERS} (192 before 2024). */
  public static final int MAX_HEADERS_SERVED = 512;

  /** Besu's {@code DEFAULT_MAX_GET_BLOCK_BODIES}. */
  public static final int MAX_BODIES_SERVED = 128;

  /** Besu's {@code DEFAULT_MAX_GET_RECEIPTS}. */
  public static final int MAX_RECEIPTS_SERVED = 256;

  /**
   * Hashes of one GetPooledTransactions looked at, found or not: Besu's {@code
   * DEFAULT_MAX_GET_POOLED_TRANSACTIONS}, and caps/eth.md's soft limit for the request (256).
   */
  public static final int MAX_POOLED_TRANSACTIONS_SERVED = 256;

  /** caps/eth.md: "The recommended soft limit for BlockHeaders responses is 2 MiB" (and bodies). */
  public static final int SOFT_RESPONSE_BYTES = 2 * 1024 * 1024;

  private final ChainReader chain;
  private final PoolAccess pool;

  public EthRequestServer(ChainReader chain, PoolAccess pool) {
    this.chain = chain;
    this.pool = pool;
  }

  public BlockHeaders headers(GetBlockHeaders request) {
    Optional<BlockHeader> first =
        switch (request.start()) {
          case StartBlock.Number n -> chain.header(n.number());
          case StartBlock.Hash h -> chain.header(h.hash());
        };
    // limit and skip are unsigned on the wire: a negative long is a huge request
    long limit = request.limit() < 0 ? MAX_HEADERS_SERVED : request.limit();
    int count = (int) Math.min(limit, MAX_HEADERS_SERVED);
    if (first.isEmpty() || count == 0) {
      return new BlockHeaders(request.requestId(), List.of());
    }
    List<BlockHeader> headers = new ArrayList<>();
    headers.add(first.get());
    long bytes = first.get().encode().size();
    long head = chain.head().number();
    long step = request.skip() < 0 || request.skip() >= head ? head + 1 : request.skip() + 1;
    long number = first.get().number();
    for (int i = 1; i < count; i++) {
      number = request.reverse() ? number - step : number + step;
      if (number < 0 || number > head) {
        break;
      }
      Optional<BlockHeader> next = chain.header(number);
      if (next.isEmpty()) {
        break;
      }
      bytes += next.get().encode().size();
      if (bytes > SOFT_RESPONSE_BYTES) {
        break;
      }
      headers.add(next.get());
    }
    return new BlockHeaders(request.requestId(), headers);
  }

  public BlockBodies bodies(GetBlockBodies request) {
    return new BlockBodies(
        request.requestId(),
        softLimited(
            request.hashes(),
            MAX_BODIES_SERVED,
            hash -> chain.block(hash).map(Block::body),
            body -> body.encode().size()));
  }

  /** Every receipt in its consensus encoding; the answer ends at the first unknown block. */
  public Receipts receipts(GetReceipts request) {
    List<List<Bytes>> receipts = new ArrayList<>();
    long bytes = 0;
    for (Bytes32 hash : request.hashes()) {
      if (receipts.size() >= MAX_RECEIPTS_SERVED || chain.header(hash).isEmpty()) {
        break;
      }
      List<Bytes> block = new ArrayList<>();
      for (TransactionReceipt receipt : chain.receipts(hash)) {
        Bytes encoded = ReceiptCodec.encodeForRoot(receipt);
        // a typed receipt travels as the byte string of its envelope, a legacy one as its list
        block.add((encoded.get(0) & 0xFF) >= 0xC0 ? encoded : RLP.encodeValue(encoded));
        bytes += encoded.size();
      }
      if (bytes > SOFT_RESPONSE_BYTES && !receipts.isEmpty()) {
        break;
      }
      receipts.add(block);
    }
    return new Receipts(request.requestId(), receipts);
  }

  /**
   * The asked transactions this node has pooled, in the order asked, each in the wire form of
   * Transactions; unknown hashes are skipped, which caps/eth.md allows (a transaction may have been
   * included since it was announced). Looks at no more than {@link #MAX_POOLED_TRANSACTIONS_SERVED}
   * hashes and stops before the answer passes {@link #SOFT_RESPONSE_BYTES}, so the requester knows
   * to ask again from the first missing one.
   */
  public PooledTransactions pooledTransactions(GetPooledTransactions request) {
    return new PooledTransactions(
        request.requestId(),
        softLimited(
            request.hashes(),
            MAX_POOLED_TRANSACTIONS_SERVED,
            hash -> pool.pooled(hash).map(BlockBody::encodeTransaction),
            Bytes::size));
  }

  /**
   * What {@code find} has for the first {@code maxLooked} hashes, in order, skipping the unknown,
   * and ending before the answer would pass {@link #SOFT_RESPONSE_BYTES} (never empty because of
   * it).
   */
  private static <T> List<T> softLimited(
      List<Bytes32> hashes,
      int maxLooked,
      Function<Bytes32, Optional<T>> find,
      ToIntFunction<T> size) {
    List<T> found = new ArrayList<>();
    long bytes = 0;
    for (Bytes32 hash : hashes.subList(0, Math.min(hashes.size(), maxLooked))) {
      Optional<T> item = find.apply(hash);
      if (item.isEmpty()) {
        continue;
      }
      bytes += size.applyAsInt(item.get());
      if (bytes > SOFT_RESPONSE_BYTES && !found.isEmpty()) {
        break;
      }
      found.add(item.get());
    }
    return found;
  }
}

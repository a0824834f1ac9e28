package org.ailedger.node.p2p.eth;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockBody;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.p2p.eth.EthMessage.Announcement;
import org.ailedger.node.p2p.eth.EthMessage.BlockBodies;
import org.ailedger.node.p2p.eth.EthMessage.BlockHeaders;
import org.ailedger.node.p2p.eth.EthMessage.GetBlockBodies;
import org.ailedger.node.p2p.eth.EthMessage.GetBlockHeaders;
import org.ailedger.node.p2p.eth.EthMessage.GetPooledTransactions;
import org.ailedger.node.p2p.eth.EthMessage.GetReceipts;
import org.ailedger.node.p2p.eth.EthMessage.NewBlock;
import org.ailedger.node.p2p.eth.EthMessage.NewBlockHashes;
import org.ailedger.node.p2p.eth.EthMessage.NewPooledTransactionHashes;
import org.ailedger.node.p2p.eth.EthMessage.PooledTransactions;
import org.ailedger.node.p2p.eth.EthMessage.Receipts;
import org.ailedger.node.p2p.eth.EthMessage.StartBlock;
import org.ailedger.node.p2p.eth.EthMessage.Status;
import org.ailedger.node.p2p.eth.EthMessage.Transactions;
import org.ailedger.node.rlp.StrictRlp;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.rlp.RLP;
import org.apache.tuweni.rlp.RLPException;
import org.apache.tuweni.rlp.RLPWriter;

/**
 * Encodes eth/68 messages to their payload and decodes a peer's payload strictly: canonical RLP,
 * exactly the fields of the message, nothing after them, and headers this QBFT chain can hash.
 * Decoding never throws on a peer's bytes; it returns the violation to disconnect with.
 */
public final class EthMessageCodec {
  private EthMessageCodec() {}

  public static Bytes encode(EthMessage message) {
    return switch (message) {
      case Status s ->
          RLP.encodeList(
              w -> {
                w.writeInt(s.version());
                writeUint64(w, s.networkId());
                w.writeUInt256(s.totalDifficulty());
                w.writeValue(s.bestHash());
                w.writeValue(s.genesisHash());
                w.writeList(
                    f -> {
                      f.writeValue(s.forkId().hash());
                      writeUint64(f, s.forkId().next());
                    });
              });
      case NewBlockHashes n ->
          RLP.encodeList(
              w -> {
                for (Announcement a : n.announcements()) {
                  w.writeList(
                      e -> {
                        e.writeValue(a.hash());
                        writeUint64(e, a.number());
                      });
                }
              });
      case Transactions t -> RLP.encodeList(w -> t.transactions().forEach(w::writeRLP));
      case GetBlockHeaders g ->
          RLP.encodeList(
              w -> {
                writeUint64(w, g.requestId());
                w.writeList(
                    q -> {
                      switch (g.start()) {
                        case StartBlock.Number n -> writeUint64(q, n.number());
                        case StartBlock.Hash h -> q.writeValue(h.hash());
                      }
                      writeUint64(q, g.limit());
                      writeUint64(q, g.skip());
                      q.writeInt(g.reverse() ? 1 : 0);
                    });
              });
      case BlockHeaders h ->
          withRequestId(h.requestId(), w -> h.headers().forEach(x -> w.writeRLP(x.encode())));
      case GetBlockBodies g -> withRequestId(g.requestId(), w -> g.hashes().forEach(w::writeValue));
      case BlockBodies b ->
          withRequestId(b.requestId(), w -> b.bodies().forEach(x -> w.writeRLP(x.encode())));
      case NewBlock n ->
          RLP.encodeList(
              w -> {
                w.writeRLP(n.block().encode());
                w.writeUInt256(n.totalDifficulty());
              });
      case NewPooledTransactionHashes n ->
          RLP.encodeList(
              w -> {
                w.writeValue(n.types());
                w.writeList(l -> n.sizes().forEach(size -> writeUint64(l, size)));
                w.writeList(l -> n.hashes().forEach(l::writeValue));
              });
      case GetPooledTransactions g ->
          withRequestId(g.requestId(), w -> g.hashes().forEach(w::writeValue));
      case PooledTransactions p ->
          withRequestId(p.requestId(), w -> p.transactions().forEach(w::writeRLP));
      case GetReceipts g -> withRequestId(g.requestId(), w -> g.hashes().forEach(w::writeValue));
      case Receipts r ->
          withRequestId(
              r.requestId(),
              w -> r.receipts().forEach(block -> w.writeList(l -> block.forEach(l::writeRLP))));
    };
  }

  /**
   * A 64-bit unsigned scalar. Tuweni's {@code writeLong} writes a negative long (a value of 2^63 or
   * more) as its low byte alone, which is not even valid RLP, so those take all eight bytes here.
   */
  private static void writeUint64(RLPWriter w, long value) {
    if (value >= 0) {
      w.writeLong(value);
    } else {
      w.writeValue(Bytes.ofUnsignedLong(value));
    }
  }

  private static Bytes withRequestId(long requestId, Consumer<RLPWriter> items) {
    return RLP.encodeList(
        w -> {
          writeUint64(w, requestId);
          w.writeList(items);
        });
  }

  /**
   * Decodes the payload of the message with {@code code}, relative to the eth capability's offset.
   */
  public static EthDecodeResult decode(int code, Bytes payload) {
    try {
      EthMessage message =
          switch (code) {
            case EthProtocol.STATUS -> status(payload);
            case EthProtocol.NEW_BLOCK_HASHES -> newBlockHashes(payload);
            case EthProtocol.TRANSACTIONS -> new Transactions(rawItems(payload, "Transactions"));
            case EthProtocol.GET_BLOCK_HEADERS -> getBlockHeaders(payload);
            case EthProtocol.BLOCK_HEADERS ->
                withId(payload, "BlockHeaders", EthMessageCodec::header, BlockHeaders::new);
            case EthProtocol.GET_BLOCK_BODIES ->
                withId(payload, "GetBlockBodies", EthMessageCodec::hash, GetBlockBodies::new);
            case EthProtocol.BLOCK_BODIES ->
                withId(payload, "BlockBodies", BlockBody::decode, BlockBodies::new);
            case EthProtocol.NEW_BLOCK -> newBlock(payload);
            case EthProtocol.NEW_POOLED_TRANSACTION_HASHES -> newPooledHashes(payload);
            case EthProtocol.GET_POOLED_TRANSACTIONS ->
                withId(
                    payload,
                    "GetPooledTransactions",
                    EthMessageCodec::hash,
                    GetPooledTransactions::new);
            case EthProtocol.POOLED_TRANSACTIONS ->
                withId(payload, "PooledTransactions", Bytes::copy, PooledTransactions::new);
            case EthProtocol.GET_RECEIPTS ->
                withId(payload, "GetReceipts", EthMessageCodec::hash, GetReceipts::new);
            case EthProtocol.RECEIPTS ->
                withId(
                    payload, "Receipts", block -> rawItems(block, "block receipts"), Receipts::new);
            default -> null;
          };
      if (message == null) {
        return new EthDecodeResult.Malformed(
            EthProtocolViolation.UNKNOWN_MESSAGE_CODE, "eth/68 has no message code " + code);
      }
      return new EthDecodeResult.Decoded(message);
    } catch (IllegalArgumentException | RLPException e) {
      return new EthDecodeResult.Malformed(
          EthProtocolViolation.MALFORMED_MESSAGE, "message code " + code + ": " + e.getMessage());
    }
  }

  private static Status status(Bytes payload) {
    List<Bytes> items = fields(payload, "Status", 6);
    List<Bytes> fork = fields(items.get(5), "fork id", 2);
    Bytes forkHash = RLP.decodeValue(fork.get(0));
    if (forkHash.size() != ForkId.HASH_SIZE) {
      throw new IllegalArgumentException("a fork hash is 4 bytes");
    }
    long version = uint(items.get(0));
    if (version < 0 || version > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("status version out of range");
    }
    return new Status(
        (int) version,
        uint(items.get(1)),
        RLP.decode(items.get(2), r -> r.readUInt256()),
        hash(items.get(3)),
        hash(items.get(4)),
        new ForkId(forkHash, uint(fork.get(1))));
  }

  private static NewBlockHashes newBlockHashes(Bytes payload) {
    List<Announcement> announcements = new ArrayList<>();
    for (Bytes item : StrictRlp.listItems(payload, "NewBlockHashes")) {
      List<Bytes> pair = fields(item, "block announcement", 2);
      announcements.add(new Announcement(hash(pair.get(0)), uint(pair.get(1))));
    }
    return new NewBlockHashes(announcements);
  }

  private static GetBlockHeaders getBlockHeaders(Bytes payload) {
    List<Bytes> items = fields(payload, "GetBlockHeaders", 2);
    List<Bytes> query = fields(items.get(1), "header query", 4);
    Bytes start = RLP.decodeValue(query.get(0));
    StartBlock startBlock =
        start.size() == Bytes32.SIZE
            ? new StartBlock.Hash(Bytes32.wrap(start.copy()))
            : new StartBlock.Number(uint(query.get(0)));
    long reverse = uint(query.get(3));
    if (reverse != 0 && reverse != 1) {
      throw new IllegalArgumentException("reverse must be 0 or 1");
    }
    return new GetBlockHeaders(
        uint(items.get(0)), startBlock, uint(query.get(1)), uint(query.get(2)), reverse == 1);
  }

  private static NewBlock newBlock(Bytes payload) {
    List<Bytes> items = fields(payload, "NewBlock", 2);
    Block block = Block.decode(items.get(0));
    hashable(block.header());
    return new NewBlock(block, RLP.decode(items.get(1), r -> r.readUInt256()));
  }

  private static BlockHeader header(Bytes rlp) {
    return hashable(BlockHeader.decode(rlp));
  }

  /**
   * Past genesis a header is hashed over its QBFT extra-data with the seals left out, so a header
   * without well-formed QBFT extra-data cannot even be identified: it is refused here, at the edge,
   * rather than failing later wherever its hash is first taken.
   */
  private static BlockHeader hashable(BlockHeader header) {
    if (header.number() > 0) {
      header.qbftExtraData();
    }
    return header;
  }

  private static NewPooledTransactionHashes newPooledHashes(Bytes payload) {
    List<Bytes> items = fields(payload, "NewPooledTransactionHashes", 3);
    List<Long> sizes =
        StrictRlp.listItems(items.get(1), "sizes").stream().map(EthMessageCodec::uint).toList();
    List<Bytes32> hashes =
        StrictRlp.listItems(items.get(2), "hashes").stream().map(EthMessageCodec::hash).toList();
    return new NewPooledTransactionHashes(RLP.decodeValue(items.get(0)).copy(), sizes, hashes);
  }

  /** {@code [request-id, [item, …]]} with each item decoded by {@code item}. */
  private static <T> EthMessage withId(
      Bytes payload,
      String what,
      Function<Bytes, T> item,
      BiFunction<Long, List<T>, EthMessage> message) {
    List<Bytes> items = fields(payload, what, 2);
    List<T> decoded = new ArrayList<>();
    for (Bytes raw : StrictRlp.listItems(items.get(1), what + " items")) {
      decoded.add(item.apply(raw));
    }
    return message.apply(uint(items.get(0)), decoded);
  }

  private static List<Bytes> rawItems(Bytes list, String what) {
    return StrictRlp.listItems(list, what).stream().map(Bytes::copy).toList();
  }

  private static List<Bytes> fields(Bytes list, String what, int count) {
    List<Bytes> items = StrictRlp.listItems(list, what);
    if (items.size() != count) {
      throw new IllegalArgumentException(what + " has " + count + " items, got " + items.size());
    }
    return items;
  }

  /** A 64-bit unsigned scalar, canonically encoded. */
  private static long uint(Bytes item) {
    return RLP.decodeLong(item);
  }

  private static Bytes32 hash(Bytes item) {
    Bytes value = RLP.decodeValue(item);
    if (value.size() != Bytes32.SIZE) {
      throw new IllegalArgumentException("a hash is 32 bytes, got " + value.size());
    }
    return Bytes32.wrap(value.copy());
  }
}

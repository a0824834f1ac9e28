package org.ailedger.node.p2p.eth;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockBody;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.block.LogsBloom;
import org.ailedger.node.block.QbftExtraData;
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
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;

/**
 * Each eth/68 message against bytes written by hand from the layouts of devp2p caps/eth.md, and
 * decoding of a peer's bytes that never throws.
 */
class EthMessageCodecTest {
  private static String times(String byteHex, int n) {
    return byteHex.repeat(n);
  }

  private static Bytes32 filled(int b) {
    return Bytes32.wrap(Bytes.fromHexString(times(String.format("%02x", b), 32)));
  }

  private static Bytes hex(String spaced) {
    return Bytes.fromHexString(spaced.replace(" ", ""));
  }

  private static void assertVector(EthMessage message, String spacedHex) {
    Bytes expected = hex(spacedHex);
    assertThat(EthMessageCodec.encode(message)).isEqualTo(expected);
    assertThat(EthMessageCodec.decode(message.code(), expected))
        .isEqualTo(new EthDecodeResult.Decoded(message));
  }

  private static final Status STATUS =
      new Status(
          68,
          1337,
          UInt256.valueOf(101),
          filled(0x11),
          filled(0x22),
          new ForkId(Bytes.fromHexString("0xdeadbeef"), 0));

  @Test
  void statusIsVersionNetworkTdBestGenesisAndForkId() {
    // [68, 1337, 101, best, genesis, [0xdeadbeef, 0]]: 78 payload bytes, so a long list prefix
    assertVector(
        STATUS,
        "f84e 44 820539 65 a0" + times("11", 32) + " a0" + times("22", 32) + " c6 84deadbeef 80");
  }

  @Test
  void statusMatchesWeb3jsIndependentEncoder() {
    RlpList web3j =
        new RlpList(
            RlpString.create(68),
            RlpString.create(1337),
            RlpString.create(BigInteger.valueOf(101)),
            RlpString.create(filled(0x11).toArrayUnsafe()),
            RlpString.create(filled(0x22).toArrayUnsafe()),
            new RlpList(
                RlpString.create(Bytes.fromHexString("0xdeadbeef").toArrayUnsafe()),
                RlpString.create(0)));

    assertThat(EthMessageCodec.encode(STATUS)).isEqualTo(Bytes.wrap(RlpEncoder.encode(web3j)));
  }

  @Test
  void newBlockHashesIsAListOfHashNumberPairs() {
    assertVector(
        new NewBlockHashes(
            List.of(new Announcement(filled(0x33), 5), new Announcement(filled(0x44), 1000))),
        "f848 e2 a0" + times("33", 32) + " 05 e4 a0" + times("44", 32) + " 8203e8");
  }

  @Test
  void getBlockHeadersByNumberCarriesRequestIdAndQuery() {
    // [7, [100, 192, 0, 0]]: 192 is above 0x7f so it takes a one-byte string prefix
    assertVector(
        new GetBlockHeaders(7, new StartBlock.Number(100), 192, 0, false),
        "c7 07 c5 64 81c0 80 80");
  }

  @Test
  void getBlockHeadersByHashStartsFromA32ByteString() {
    assertVector(
        new GetBlockHeaders(258, new StartBlock.Hash(filled(0x55)), 1, 3, true),
        "e8 820102 e4 a0" + times("55", 32) + " 01 03 01");
  }

  @Test
  void getBlockBodiesIsRequestIdAndHashes() {
    assertVector(
        new GetBlockBodies(9, List.of(filled(0x66), filled(0x77))),
        "f845 09 f842 a0" + times("66", 32) + " a0" + times("77", 32));
  }

  @Test
  void blockHeadersWithNoHeaderIsRequestIdAndEmptyList() {
    assertVector(new BlockHeaders(5, List.of()), "c2 05 c0");
  }

  @Test
  void blockBodiesOfAnEmptyBlockIsEmptyTransactionsAndOmmers() {
    assertVector(new BlockBodies(3, List.of(new BlockBody(List.of()))), "c5 03 c3 c2 c0 c0");
  }

  @Test
  void newPooledTransactionHashesIsTypesSizesAndHashes() {
    assertVector(
        new NewPooledTransactionHashes(
            Bytes.fromHexString("0x0200"),
            List.of(120L, 1000L),
            List.of(filled(0x88), filled(0x99))),
        "f84c 820200 c4 78 8203e8 f842 a0" + times("88", 32) + " a0" + times("99", 32));
  }

  @Test
  void poolAndReceiptRequestsAndAnswersCarryTheirRequestId() {
    assertVector(
        new GetPooledTransactions(1, List.of(filled(0xaa))), "e3 01 e1 a0" + times("aa", 32));
    assertVector(new PooledTransactions(1, List.of()), "c2 01 c0");
    assertVector(new GetReceipts(2, List.of(filled(0xbb))), "e3 02 e1 a0" + times("bb", 32));
    assertVector(new Receipts(2, List.of(List.of())), "c3 02 c1 c0");
    assertVector(new Transactions(List.of()), "c0");
  }

  @Test
  void newBlockAndBlockHeadersMatchWeb3jsIndependentEncoder() {
    BlockHeader header = header();
    Block block = new Block(header, List.of());
    RlpList web3jHeader = web3jHeader(header);

    assertThat(EthMessageCodec.encode(new NewBlock(block, UInt256.valueOf(43))))
        .isEqualTo(
            web3j(
                new RlpList(
                    new RlpList(web3jHeader, new RlpList(), new RlpList()), RlpString.create(43))));
    assertThat(EthMessageCodec.encode(new BlockHeaders(77, List.of(header, header))))
        .isEqualTo(web3j(new RlpList(RlpString.create(77), new RlpList(web3jHeader, web3jHeader))));
  }

  @Test
  void everyMessageSurvivesARoundTrip() {
    BlockHeader header = header();
    List<EthMessage> messages =
        List.of(
            STATUS,
            new NewBlock(new Block(header, List.of()), UInt256.valueOf(43)),
            new BlockHeaders(Long.MAX_VALUE, List.of(header)),
            new GetBlockHeaders(-1L, new StartBlock.Number(0), -1L, -1L, false),
            new Transactions(List.of(Bytes.fromHexString("0xc3010203"))),
            new PooledTransactions(4, List.of(Bytes.fromHexString("0x8302aabb"))),
            new Receipts(6, List.of(List.of(Bytes.fromHexString("0xc180")), List.of())));
    for (EthMessage message : messages) {
      assertThat(EthMessageCodec.decode(message.code(), EthMessageCodec.encode(message)))
          .isEqualTo(new EthDecodeResult.Decoded(message));
    }
  }

  @Test
  void codesEth68DoesNotDefineAreRefused() {
    for (int code : new int[] {0x0b, 0x0c, 0x0d, 0x0e, 0x11, -1}) {
      assertThat(EthMessageCodec.decode(code, hex("c0")))
          .isEqualTo(
              new EthDecodeResult.Malformed(
                  EthProtocolViolation.UNKNOWN_MESSAGE_CODE, "eth/68 has no message code " + code));
    }
  }

  @Test
  void nonCanonicalTruncatedOrOverlongPayloadsAreMalformed() {
    assertMalformed(EthProtocol.GET_BLOCK_HEADERS, "c8 07 c6 8164 81c0 80 80"); // 100 as 0x8164
    assertMalformed(EthProtocol.GET_BLOCK_HEADERS, "c7 07 c5 64 81c0 80 02"); // reverse 2
    assertMalformed(EthProtocol.GET_BLOCK_HEADERS, "c7 07 c5 64 81c0 80"); // truncated
    assertMalformed(EthProtocol.GET_BLOCK_HEADERS, "c7 07 c5 64 81c0 80 80 00"); // trailing byte
    assertMalformed(EthProtocol.BLOCK_HEADERS, "c3 05 c1 c0"); // a header that is an empty list
    assertMalformed(EthProtocol.STATUS, "c0");
    assertMalformed(EthProtocol.NEW_BLOCK_HASHES, "c3 c2 80 05"); // a hash of zero bytes
    assertMalformed(
        EthProtocol.NEW_POOLED_TRANSACTION_HASHES, "c5 8102 c1 78 c0"); // 1 type, 0 hashes
    assertMalformed(EthProtocol.STATUS, "80"); // a string, not a list
  }

  @Test
  void headersWithoutQbftExtraDataAreMalformedSinceTheyCannotBeHashed() {
    BlockHeader foreign = header().withExtraData(Bytes.fromHexString("0x00"));

    assertThat(
            EthMessageCodec.decode(
                EthProtocol.BLOCK_HEADERS,
                EthMessageCodec.encode(new BlockHeaders(1, List.of(foreign)))))
        .isInstanceOf(EthDecodeResult.Malformed.class);
    assertThat(
            EthMessageCodec.decode(
                EthProtocol.NEW_BLOCK,
                EthMessageCodec.encode(new NewBlock(new Block(foreign, List.of()), UInt256.ONE))))
        .isInstanceOf(EthDecodeResult.Malformed.class);
  }

  @Test
  void randomBytesNeverMakeTheDecoderThrow() {
    Random random = new Random(2124);
    List<Bytes> seeds = new ArrayList<>();
    seeds.add(EthMessageCodec.encode(STATUS));
    seeds.add(EthMessageCodec.encode(new NewBlock(new Block(header(), List.of()), UInt256.ONE)));
    seeds.add(hex("c7 07 c5 64 81c0 80 80"));
    for (int i = 0; i < 3000; i++) {
      byte[] bytes = seeds.get(i % seeds.size()).toArray();
      for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
        bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
      }
      int length = random.nextInt(4) == 0 ? random.nextInt(bytes.length + 1) : bytes.length;
      Bytes payload = Bytes.wrap(bytes, 0, length);
      for (int code = 0; code <= 0x10; code++) {
        assertThat(EthMessageCodec.decode(code, payload)).isNotNull();
      }
    }
  }

  private static void assertMalformed(int code, String spacedHex) {
    assertThat(EthMessageCodec.decode(code, hex(spacedHex)))
        .isInstanceOfSatisfying(
            EthDecodeResult.Malformed.class,
            m -> assertThat(m.violation()).isEqualTo(EthProtocolViolation.MALFORMED_MESSAGE));
  }

  static BlockHeader header() {
    return new BlockHeader(
        filled(0x01),
        BlockHeader.EMPTY_OMMERS_HASH,
        Address.of(0x1234),
        filled(0x02),
        filled(0x03),
        filled(0x04),
        LogsBloom.EMPTY,
        UInt256.ONE,
        42,
        30_000_000,
        21_000,
        1_767_225_642L,
        QbftExtraData.genesis(List.of(Address.of(0xabcd))).encode(),
        BlockHeader.QBFT_MIX_HASH,
        0,
        UInt256.ZERO);
  }

  private static RlpList web3jHeader(BlockHeader h) {
    List<RlpType> fields =
        List.of(
            RlpString.create(h.parentHash().toArray()),
            RlpString.create(h.ommersHash().toArray()),
            RlpString.create(h.coinbase().bytes().toArray()),
            RlpString.create(h.stateRoot().toArray()),
            RlpString.create(h.transactionsRoot().toArray()),
            RlpString.create(h.receiptsRoot().toArray()),
            RlpString.create(h.logsBloom().bytes().toArray()),
            RlpString.create(h.difficulty().toBigInteger()),
            RlpString.create(h.number()),
            RlpString.create(h.gasLimit()),
            RlpString.create(h.gasUsed()),
            RlpString.create(h.timestamp()),
            RlpString.create(h.extraData().toArray()),
            RlpString.create(h.mixHash().toArray()),
            RlpString.create(new byte[8]),
            RlpString.create(h.baseFee().toBigInteger()));
    return new RlpList(fields);
  }

  private static Bytes web3j(RlpType value) {
    return Bytes.wrap(RlpEncoder.encode(value));
  }
}

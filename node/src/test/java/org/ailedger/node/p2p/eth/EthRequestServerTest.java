package org.ailedger.node.p2p.eth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.ailedger.node.block.BlockBody;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.block.Roots;
import org.ailedger.node.p2p.eth.EthMessage.BlockHeaders;
import org.ailedger.node.p2p.eth.EthMessage.GetBlockBodies;
import org.ailedger.node.p2p.eth.EthMessage.GetBlockHeaders;
import org.ailedger.node.p2p.eth.EthMessage.GetPooledTransactions;
import org.ailedger.node.p2p.eth.EthMessage.GetReceipts;
import org.ailedger.node.p2p.eth.EthMessage.PooledTransactions;
import org.ailedger.node.p2p.eth.EthMessage.StartBlock;
import org.ailedger.node.sync.ManualTimeouts;
import org.ailedger.node.sync.SyncTestNode;
import org.ailedger.node.tx.Transaction;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.rlp.RLP;
import org.junit.jupiter.api.Test;

class EthRequestServerTest {
  private static final ListChain CHAIN = new ListChain(600);
  private final FakePool pool = new FakePool();
  private final EthRequestServer server = new EthRequestServer(CHAIN, pool);

  private List<Long> numbers(GetBlockHeaders request) {
    BlockHeaders answer = server.headers(request);
    assertThat(answer.requestId()).isEqualTo(request.requestId());
    return answer.headers().stream().map(BlockHeader::number).toList();
  }

  private static GetBlockHeaders from(long number, long limit, long skip, boolean reverse) {
    return new GetBlockHeaders(9, new StartBlock.Number(number), limit, skip, reverse);
  }

  private static Bytes32 hashOf(long number) {
    return CHAIN.header(number).orElseThrow().hash();
  }

  @Test
  void headersAscendFromTheStartNumber() {
    assertThat(numbers(from(10, 5, 0, false))).containsExactly(10L, 11L, 12L, 13L, 14L);
  }

  @Test
  void headersDescendSkipApartWhenReversed() {
    assertThat(numbers(from(100, 4, 2, true))).containsExactly(100L, 97L, 94L, 91L);
  }

  @Test
  void headersStopAtGenesisAndAtTheHead() {
    assertThat(numbers(from(3, 10, 0, true))).containsExactly(3L, 2L, 1L, 0L);
    assertThat(numbers(from(598, 10, 0, false))).containsExactly(598L, 599L, 600L);
    assertThat(numbers(from(590, 10, 4, false))).containsExactly(590L, 595L, 600L);
  }

  @Test
  void headersCanStartFromAHash() {
    assertThat(numbers(new GetBlockHeaders(1, new StartBlock.Hash(hashOf(50)), 3, 0, false)))
        .containsExactly(50L, 51L, 52L);
  }

  @Test
  void anUnknownStartOrAZeroLimitGetsAnEmptyAnswer() {
    assertThat(numbers(from(601, 10, 0, false))).isEmpty();
    assertThat(numbers(new GetBlockHeaders(1, new StartBlock.Hash(Bytes32.ZERO), 3, 0, false)))
        .isEmpty();
    assertThat(numbers(from(5, 0, 0, false))).isEmpty();
  }

  @Test
  void noMoreHeadersThanTheServingBoundWhateverTheLimit() {
    assertThat(numbers(from(0, 1000, 0, false))).hasSize(EthRequestServer.MAX_HEADERS_SERVED);
    // 2^64 - 1 on the wire
    assertThat(numbers(from(0, -1L, 0, false)))
        .containsExactlyElementsOf(
            LongStream.range(0, EthRequestServer.MAX_HEADERS_SERVED).boxed().toList());
  }

  @Test
  void aSkipBeyondTheChainReturnsOnlyTheFirstHeader() {
    assertThat(numbers(from(7, 10, -1L, false))).containsExactly(7L);
    assertThat(numbers(from(7, 10, Long.MAX_VALUE, true))).containsExactly(7L);
  }

  @Test
  void bodiesOfUnknownBlocksAreLeftOutAndTheCountIsBounded() {
    List<Bytes32> asked =
        LongStream.rangeClosed(1, 300).mapToObj(EthRequestServerTest::hashOf).toList();

    assertThat(
            server
                .bodies(new GetBlockBodies(3, List.of(hashOf(1), Bytes32.ZERO, hashOf(2))))
                .bodies())
        .hasSize(2);
    assertThat(server.bodies(new GetBlockBodies(3, asked)).bodies())
        .hasSize(EthRequestServer.MAX_BODIES_SERVED);
  }

  @Test
  void receiptsEndAtTheFirstUnknownBlock() {
    assertThat(
            server
                .receipts(
                    new GetReceipts(4, List.of(hashOf(1), hashOf(2), Bytes32.ZERO, hashOf(3))))
                .receipts())
        .containsExactly(List.of(), List.of());
  }

  @Test
  void pooledTransactionsAreServedInRequestOrderSkippingUnknownOnes() {
    Transaction legacy = Transfers.transfer(0, true);
    Transaction typed = Transfers.transfer(1, false);
    pool.add(legacy);
    pool.add(typed);

    assertThat(
            server.pooledTransactions(
                new GetPooledTransactions(12, List.of(typed.hash(), Bytes32.ZERO, legacy.hash()))))
        .isEqualTo(
            new PooledTransactions(
                12,
                List.of(BlockBody.encodeTransaction(typed), BlockBody.encodeTransaction(legacy))));
  }

  @Test
  void aRequestForNothingPooledIsAnsweredEmptyUnderTheSameRequestId() {
    assertThat(server.pooledTransactions(new GetPooledTransactions(12, List.of(Bytes32.ZERO))))
        .isEqualTo(new PooledTransactions(12, List.of()));
  }

  @Test
  void noMorePooledTransactionsAreLookedAtThanTheServingBound() {
    List<Bytes32> asked = new ArrayList<>();
    for (int i = 0; i < EthRequestServer.MAX_POOLED_TRANSACTIONS_SERVED + 10; i++) {
      Transaction tx = Transfers.transfer(i, i % 2 == 0);
      pool.add(tx);
      asked.add(tx.hash());
    }

    assertThat(server.pooledTransactions(new GetPooledTransactions(1, asked)).transactions())
        .hasSize(EthRequestServer.MAX_POOLED_TRANSACTIONS_SERVED);
  }

  @Test
  void pooledTransactionsStopBeforeTheSoftByteLimit() {
    List<Bytes32> asked = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Transaction tx =
          Transfers.withData(i, Bytes.wrap(new byte[EthRequestServer.SOFT_RESPONSE_BYTES / 3]));
      pool.add(tx);
      asked.add(tx.hash());
    }

    assertThat(server.pooledTransactions(new GetPooledTransactions(1, asked)).transactions())
        .hasSize(2);
  }

  @Test
  void servedReceiptsReproduceTheReceiptsRootOfTheirBlock() {
    SyncTestNode node = new SyncTestNode(new ManualTimeouts());
    node.produce(10);
    BlockHeader withTransaction = node.chain.header(10).orElseThrow();

    List<List<Bytes>> served =
        new EthRequestServer(node.chain, pool)
            .receipts(new GetReceipts(1, List.of(withTransaction.hash())))
            .receipts();

    assertThat(served).hasSize(1);
    assertThat(served.get(0)).hasSize(1);
    // an EIP-1559 receipt travels as the byte string of its envelope: 0x02 || RLP(...)
    Bytes envelope = RLP.decodeValue(served.get(0).get(0));
    assertThat(envelope.get(0)).isEqualTo((byte) 0x02);
    assertThat(Roots.indexedRoot(List.of(envelope), b -> b))
        .isEqualTo(withTransaction.receiptsRoot());
  }
}

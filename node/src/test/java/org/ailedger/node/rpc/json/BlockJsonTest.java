package org.ailedger.node.rpc.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.ailedger.node.block.Block;
import org.ailedger.node.rpc.FakeBackend;
import org.ailedger.node.rpc.TestTransactions;
import org.ailedger.node.tx.Transaction;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class BlockJsonTest {
  private final FakeBackend fake = new FakeBackend();

  @Test
  void sizeOfAnEmptyBlockIsTheLengthOfHeaderAndTwoEmptyLists() {
    Block block = fake.chain.blockAt(0);
    int payload = block.header().encode().size() + 2;

    assertThat(BlockJson.size(block)).isEqualTo(listLength(payload));
  }

  @Test
  void legacyTransactionsAreEmbeddedAsListsInTheSize() {
    Transaction a = TestTransactions.legacy(0, 1, FakeBackend.TOKEN, Bytes.EMPTY);
    Transaction b = TestTransactions.legacy(1, 1, FakeBackend.TOKEN, Bytes.EMPTY);
    Block block = new Block(fake.chain.blockAt(0).header(), List.of(a, b));
    int txs = listLength(a.encoded().size() + b.encoded().size());
    int payload = block.header().encode().size() + txs + 1;

    assertThat(BlockJson.size(block)).isEqualTo(listLength(payload));
  }

  @Test
  void headerJsonHasTheEightByteNonceAndQbftTotalDifficulty() {
    var json = BlockJson.withTransactionHashes(fake.chain.blockAt(3));

    assertThat(json.get("nonce").asText()).isEqualTo("0x0000000000000000");
    assertThat(json.get("totalDifficulty").asText()).isEqualTo("0x4");
    assertThat(json.get("sha3Uncles").asText())
        .isEqualTo("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347");
    assertThat(json.get("extraData").asText())
        .isEqualTo(Hex.data(fake.chain.blockAt(3).header().extraData()));
  }

  /** RLP list length for a payload of {@code payload} bytes. */
  private static int listLength(int payload) {
    if (payload <= 55) {
      return 1 + payload;
    }
    return 1
        + BigInteger.valueOf(payload).toByteArray().length
        - (BigInteger.valueOf(payload).toByteArray()[0] == 0 ? 1 : 0)
        + payload;
  }
}

package org.ailedger.node.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.rpc.TestChain;
import org.ailedger.node.rpc.json.BlockJson;
import org.ailedger.node.rpc.json.RpcJson;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

class RenderedBlocksTest {
  private final TestChain chain = new TestChain(UInt256.valueOf(7));
  private final RenderedBlocks rendered = new RenderedBlocks();

  @Test
  void aRenderedBlockIsTheSameJsonAsAFreshRendering() {
    Block block = chain.append(List.of(), List.of());

    String first = RpcJson.text(rendered.withTransactionHashes(block));
    String again = RpcJson.text(rendered.withTransactionHashes(block));

    assertThat(first).isEqualTo(RpcJson.text(BlockJson.withTransactionHashes(block)));
    assertThat(again).isEqualTo(first);
  }

  @Test
  void anotherBlockAtTheSameHeightIsRenderedAnew() {
    Block block = chain.append(List.of(), List.of());
    rendered.withTransactionHashes(block);
    BlockHeader h = block.header();
    Block other =
        new Block(
            new BlockHeader(
                h.parentHash(),
                h.ommersHash(),
                h.coinbase(),
                Bytes32.fromHexString("0x01"),
                h.transactionsRoot(),
                h.receiptsRoot(),
                h.logsBloom(),
                h.difficulty(),
                h.number(),
                h.gasLimit(),
                h.gasUsed(),
                h.timestamp(),
                h.extraData(),
                h.mixHash(),
                h.nonce(),
                h.baseFee()),
            List.of());

    String json = RpcJson.text(rendered.withTransactionHashes(other));

    assertThat(json).contains("\"hash\":\"" + other.header().hash().toHexString() + "\"");
    assertThat(json).doesNotContain(block.header().hash().toHexString());
  }

  @Test
  void onlyTheMostRecentHeightsAreKept() {
    Block oldest = chain.append(List.of(), List.of());
    JsonNode first = rendered.withTransactionHashes(oldest);
    Block latest = null;
    for (int i = 0; i < RenderedBlocks.CAPACITY; i++) {
      latest = chain.append(List.of(), List.of());
      rendered.withTransactionHashes(latest);
    }

    assertThat(rendered.withTransactionHashes(oldest)).isNotSameAs(first);
    assertThat(rendered.withTransactionHashes(latest))
        .isSameAs(rendered.withTransactionHashes(latest));
  }
}

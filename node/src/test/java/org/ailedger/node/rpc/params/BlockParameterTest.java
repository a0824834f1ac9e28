package org.ailedger.node.rpc.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.ailedger.node.rpc.FakeBackend;
import org.ailedger.node.rpc.RpcError;
import org.ailedger.node.rpc.RpcException;
import org.ailedger.node.rpc.TestChain;
import org.ailedger.node.rpc.TestJson;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class BlockParameterTest {
  private static final String HASH = "0x" + "ab".repeat(32);

  @Test
  void tagsMapToTheHeadExceptEarliestAndPending() {
    assertThat(parse("\"latest\"")).isEqualTo(new BlockParameter.Latest());
    assertThat(parse("\"safe\"")).isEqualTo(new BlockParameter.Latest());
    assertThat(parse("\"finalized\"")).isEqualTo(new BlockParameter.Latest());
    assertThat(parse("\"pending\"")).isEqualTo(new BlockParameter.Pending());
    assertThat(parse("\"earliest\"")).isEqualTo(new BlockParameter.Earliest());
    assertThat(parse("\"0x10\"")).isEqualTo(new BlockParameter.Number(16));
  }

  @Test
  void eip1898ObjectsNameABlockByHashOrNumber() {
    assertThat(parse("{\"blockHash\":\"" + HASH + "\"}"))
        .isEqualTo(new BlockParameter.Hash(Bytes32.fromHexString(HASH), false));
    assertThat(parse("{\"blockHash\":\"" + HASH + "\",\"requireCanonical\":true}"))
        .isEqualTo(new BlockParameter.Hash(Bytes32.fromHexString(HASH), true));
    assertThat(parse("{\"blockNumber\":\"0x2\"}")).isEqualTo(new BlockParameter.Number(2));
    assertThat(parse("\"" + HASH + "\""))
        .isEqualTo(new BlockParameter.Hash(Bytes32.fromHexString(HASH), false));
  }

  @Test
  void badBlockParametersSayWhy() {
    assertRejected(
        "\"newest\"", "invalid argument 1 (block): a hex number \"newest\" lacks the 0x prefix");
    assertRejected(
        "7",
        "invalid argument 1 (block): want a block number or one of \"latest\", "
            + "\"earliest\", \"pending\", \"safe\", \"finalized\", got a number");
    assertRejected(
        "{}", "invalid argument 1 (block): a block object needs blockHash or blockNumber");
    assertRejected(
        "{\"blockHash\":\"" + HASH + "\",\"blockNumber\":\"0x1\"}",
        "invalid argument 1 (block): give either blockHash or blockNumber, not both");
  }

  @Test
  void numberOrTagRefusesHashes() {
    assertThatThrownBy(
            () ->
                BlockParameter.numberOrTag(TestJson.parse("{\"blockHash\":\"" + HASH + "\"}"), "x"))
        .isInstanceOf(RpcException.class);
  }

  @Test
  void resolvesAgainstTheChain() {
    TestChain chain = new FakeBackend().chain;

    assertThat(new BlockParameter.Latest().header(chain)).contains(chain.head());
    assertThat(new BlockParameter.Earliest().number(chain)).contains(0L);
    assertThat(new BlockParameter.Number(2).header(chain)).contains(chain.blockAt(2).header());
    assertThat(new BlockParameter.Hash(chain.blockAt(3).header().hash(), false).number(chain))
        .contains(3L);
    assertThatThrownBy(() -> new BlockParameter.Number(99).requireHeader(chain))
        .isInstanceOfSatisfying(
            RpcException.class,
            e -> {
              assertThat(e.error()).isEqualTo(RpcError.HEADER_NOT_FOUND);
              assertThat(e.getMessage()).isEqualTo("header not found");
            });
  }

  private static BlockParameter parse(String json) {
    return BlockParameter.numberTagOrHash(TestJson.parse(json), "argument 1 (block)");
  }

  private static void assertRejected(String json, String message) {
    JsonNode node = TestJson.parse(json);
    assertThatThrownBy(() -> BlockParameter.numberTagOrHash(node, "argument 1 (block)"))
        .isInstanceOfSatisfying(
            RpcException.class,
            e -> {
              assertThat(e.error()).isEqualTo(RpcError.INVALID_PARAMS);
              assertThat(e.getMessage()).isEqualTo(message);
            });
  }
}

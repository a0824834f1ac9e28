package org.ailedger.node.rpc;

import static org.ailedger.node.rpc.FakeBackend.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.ailedger.node.block.Block;
import org.ailedger.node.rpc.json.BlockJson;
import org.ailedger.node.rpc.json.Hex;
import org.ailedger.node.tx.Transaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Blocks, transactions, receipts and QBFT validators over HTTP, checked field by field. */
@TimeBoxed
class EthBlocksAndTransactionsIT {
  private static final List<String> BLOCK_FIELDS =
      List.of(
          "hash",
          "parentHash",
          "sha3Uncles",
          "miner",
          "stateRoot",
          "transactionsRoot",
          "receiptsRoot",
          "logsBloom",
          "difficulty",
          "number",
          "gasLimit",
          "gasUsed",
          "timestamp",
          "extraData",
          "mixHash",
          "nonce",
          "baseFeePerGas",
          "size",
          "totalDifficulty",
          "uncles",
          "transactions");

  private static RunningServer rpc;
  private static Block block1;
  private static Transaction update;
  private static Transaction transfer;
  private static Transaction revoked;

  @BeforeAll
  @TimeBoxed
  static void start() {
    rpc = new RunningServer();
    block1 = rpc.fake.chain.blockAt(1);
    update = block1.transactions().get(0);
    transfer = block1.transactions().get(1);
    revoked = rpc.fake.chain.blockAt(2).transactions().get(0);
  }

  @AfterAll
  @TimeBoxed
  static void stop() {
    rpc.close();
  }

  @Test
  void blockByNumberHasEverySchemaFieldAndTransactionHashes() {
    JsonNode block = rpc.result("eth_getBlockByNumber", "0x1", false);

    assertThat(block.properties())
        .extracting(java.util.Map.Entry::getKey)
        .containsExactlyInAnyOrderElementsOf(BLOCK_FIELDS);
    assertThat(block.get("hash").asText()).isEqualTo(Hex.data(block1.header().hash()));
    assertThat(block.get("parentHash").asText())
        .isEqualTo(Hex.data(rpc.fake.chain.blockAt(0).header().hash()));
    assertThat(block.get("number").asText()).isEqualTo("0x1");
    assertThat(block.get("miner").asText()).isEqualTo(TestChain.VALIDATORS.get(1).toHexString());
    assertThat(block.get("difficulty").asText()).isEqualTo("0x1");
    assertThat(block.get("totalDifficulty").asText()).isEqualTo("0x2");
    assertThat(block.get("gasUsed").asText()).isEqualTo("0x124f8");
    assertThat(block.get("gasLimit").asText()).isEqualTo("0x1c9c380");
    assertThat(block.get("nonce").asText()).isEqualTo("0x0000000000000000");
    assertThat(block.get("mixHash").asText())
        .isEqualTo("0x63746963616c2062797a616e74696e65206661756c7420746f6c6572616e6365");
    assertThat(block.get("baseFeePerGas").asText()).isEqualTo("0xa");
    assertThat(block.get("logsBloom").asText()).hasSize(2 + 512);
    assertThat(block.get("size").asText()).isEqualTo(Hex.quantity(BlockJson.size(block1)));
    assertThat(block.get("uncles")).isEqualTo(RunningServer.EMPTY_ARRAY);
    assertThat(block.get("transactions"))
        .extracting(JsonNode::asText)
        .containsExactly(Hex.data(update.hash()), Hex.data(transfer.hash()));
  }

  @Test
  void blockTagsNameTheHeadAndGenesis() {
    assertThat(rpc.result("eth_getBlockByNumber", "latest", false).get("number").asText())
        .isEqualTo("0x4");
    assertThat(rpc.result("eth_getBlockByNumber", "pending", false).get("number").asText())
        .isEqualTo("0x4");
    assertThat(rpc.result("eth_getBlockByNumber", "finalized", false).get("number").asText())
        .isEqualTo("0x4");
    assertThat(rpc.result("eth_getBlockByNumber", "earliest", false).get("number").asText())
        .isEqualTo("0x0");
  }

  @Test
  void unknownBlocksAreNull() {
    assertThat(rpc.result("eth_getBlockByNumber", "0x63", true).isNull()).isTrue();
    assertThat(rpc.result("eth_getBlockByHash", "0x" + "11".repeat(32), false).isNull()).isTrue();
    assertThat(rpc.result("eth_getBlockTransactionCountByNumber", "0x63").isNull()).isTrue();
    assertThat(rpc.result("eth_getBlockTransactionCountByHash", "0x" + "11".repeat(32)).isNull())
        .isTrue();
  }

  @Test
  void blockByHashWithFullTransactionsCarriesSenders() {
    JsonNode block = rpc.result("eth_getBlockByHash", Hex.data(block1.header().hash()), true);

    JsonNode txs = block.get("transactions");
    assertThat(txs).hasSize(2);
    assertThat(txs.get(0).get("from").asText()).isEqualTo(FakeBackend.ALICE.toHexString());
    assertThat(txs.get(1).get("from").asText()).isEqualTo(BOB.toHexString());
    assertThat(txs.get(1).get("transactionIndex").asText()).isEqualTo("0x1");
  }

  @Test
  void transactionCountsByNumberAndHash() {
    assertThat(rpc.result("eth_getBlockTransactionCountByNumber", "0x1").asText()).isEqualTo("0x2");
    assertThat(
            rpc.result("eth_getBlockTransactionCountByHash", Hex.data(block1.header().hash()))
                .asText())
        .isEqualTo("0x2");
    assertThat(rpc.result("eth_getBlockTransactionCountByNumber", "latest").asText())
        .isEqualTo("0x0");
  }

  @Test
  void eip1559TransactionHasFeeFieldsAccessListAndYParity() {
    JsonNode tx = rpc.result("eth_getTransactionByHash", Hex.data(transfer.hash()));

    assertThat(tx.get("blockHash").asText()).isEqualTo(Hex.data(block1.header().hash()));
    assertThat(tx.get("blockNumber").asText()).isEqualTo("0x1");
    assertThat(tx.get("blockTimestamp").asText())
        .isEqualTo(Hex.quantity(block1.header().timestamp()));
    assertThat(tx.get("from").asText()).isEqualTo(BOB.toHexString());
    assertThat(tx.get("to").asText()).isEqualTo(FakeBackend.TOKEN.toHexString());
    assertThat(tx.get("gas").asText()).isEqualTo("0x15f90");
    assertThat(tx.get("gasPrice").asText()).as("base fee 10 + tip 5").isEqualTo("0xf");
    assertThat(tx.get("maxFeePerGas").asText()).isEqualTo("0x64");
    assertThat(tx.get("maxPriorityFeePerGas").asText()).isEqualTo("0x5");
    assertThat(tx.get("hash").asText()).isEqualTo(Hex.data(transfer.hash()));
    assertThat(tx.get("input").asText()).isEqualTo("0xa9059cbb");
    assertThat(tx.get("nonce").asText()).isEqualTo("0x0");
    assertThat(tx.get("transactionIndex").asText()).isEqualTo("0x1");
    assertThat(tx.get("value").asText()).isEqualTo("0x0");
    assertThat(tx.get("type").asText()).isEqualTo("0x2");
    assertThat(tx.get("chainId").asText()).isEqualTo("0x539");
    assertThat(tx.get("accessList").get(0).get("address").asText())
        .isEqualTo(FakeBackend.TOKEN.toHexString());
    assertThat(tx.get("accessList").get(0).get("storageKeys").get(0).asText())
        .isEqualTo(Hex.data(FakeBackend.SLOT));
    assertThat(tx.get("v").asText()).isEqualTo("0x0");
    assertThat(tx.get("yParity").asText()).isEqualTo("0x0");
    assertThat(tx.get("r").asText()).isEqualTo(Hex.quantity(TestTransactions.SIGNATURE.r()));
    assertThat(tx.get("s").asText()).isEqualTo(Hex.quantity(TestTransactions.SIGNATURE.s()));
  }

  @Test
  void legacyTransactionHasEip155VAndNoTypedFields() {
    JsonNode tx = rpc.result("eth_getTransactionByHash", Hex.data(update.hash()));

    assertThat(tx.get("type").asText()).isEqualTo("0x0");
    assertThat(tx.get("gasPrice").asText()).isEqualTo("0x14");
    assertThat(tx.get("v").asText()).as("1337 * 2 + 35 + 1").isEqualTo("0xa96");
    assertThat(tx.get("chainId").asText()).isEqualTo("0x539");
    assertThat(tx.has("yParity")).isFalse();
    assertThat(tx.has("accessList")).isFalse();
    assertThat(tx.has("maxFeePerGas")).isFalse();
  }

  @Test
  void accessListTransactionHasAnAccessListButOneGasPrice() {
    JsonNode tx = rpc.result("eth_getTransactionByHash", Hex.data(revoked.hash()));

    assertThat(tx.get("type").asText()).isEqualTo("0x1");
    assertThat(tx.get("gasPrice").asText()).isEqualTo("0x1e");
    assertThat(tx.get("accessList")).isEqualTo(RunningServer.EMPTY_ARRAY);
    assertThat(tx.get("value").asText()).isEqualTo("0x7");
    assertThat(tx.get("yParity").asText()).isEqualTo("0x1");
    assertThat(tx.has("maxFeePerGas")).isFalse();
  }

  @Test
  void pooledTransactionHasNoBlockFieldsAndItsFeeCapAsGasPrice() {
    JsonNode tx = rpc.result("eth_getTransactionByHash", Hex.data(rpc.fake.pendingTx.hash()));

    assertThat(tx.get("blockHash").isNull()).isTrue();
    assertThat(tx.get("blockNumber").isNull()).isTrue();
    assertThat(tx.get("blockTimestamp").isNull()).isTrue();
    assertThat(tx.get("transactionIndex").isNull()).isTrue();
    assertThat(tx.get("gasPrice").asText()).isEqualTo("0x32");
    assertThat(tx.get("from").asText()).isEqualTo(BOB.toHexString());
  }

  @Test
  void unknownTransactionAndReceiptAreNull() {
    String unknown = "0x" + "22".repeat(32);

    assertThat(rpc.result("eth_getTransactionByHash", unknown).isNull()).isTrue();
    assertThat(rpc.result("eth_getTransactionReceipt", unknown).isNull()).isTrue();
    assertThat(
            rpc.result("eth_getTransactionReceipt", Hex.data(rpc.fake.pendingTx.hash())).isNull())
        .isTrue();
  }

  @Test
  void transactionByBlockAndIndex() {
    assertThat(
            rpc.result("eth_getTransactionByBlockNumberAndIndex", "0x1", "0x1")
                .get("hash")
                .asText())
        .isEqualTo(Hex.data(transfer.hash()));
    assertThat(
            rpc.result(
                    "eth_getTransactionByBlockHashAndIndex",
                    Hex.data(block1.header().hash()),
                    "0x0")
                .get("hash")
                .asText())
        .isEqualTo(Hex.data(update.hash()));
    assertThat(rpc.result("eth_getTransactionByBlockNumberAndIndex", "0x1", "0x2").isNull())
        .isTrue();
  }

  @Test
  void receiptDerivesGasUsedAndBlockWideLogIndexes() {
    JsonNode receipt = rpc.result("eth_getTransactionReceipt", Hex.data(transfer.hash()));

    assertThat(receipt.get("transactionHash").asText()).isEqualTo(Hex.data(transfer.hash()));
    assertThat(receipt.get("transactionIndex").asText()).isEqualTo("0x1");
    assertThat(receipt.get("blockHash").asText()).isEqualTo(Hex.data(block1.header().hash()));
    assertThat(receipt.get("blockNumber").asText()).isEqualTo("0x1");
    assertThat(receipt.get("from").asText()).isEqualTo(BOB.toHexString());
    assertThat(receipt.get("to").asText()).isEqualTo(FakeBackend.TOKEN.toHexString());
    assertThat(receipt.get("cumulativeGasUsed").asText()).isEqualTo("0x124f8");
    assertThat(receipt.get("gasUsed").asText()).as("75000 - 30000").isEqualTo("0xafc8");
    assertThat(receipt.get("effectiveGasPrice").asText()).isEqualTo("0xf");
    assertThat(receipt.get("contractAddress").isNull()).isTrue();
    assertThat(receipt.get("type").asText()).isEqualTo("0x2");
    assertThat(receipt.get("status").asText()).isEqualTo("0x1");
    assertThat(receipt.get("logsBloom").asText()).hasSize(2 + 512);
    assertThat(receipt.has("revertReason")).isFalse();
    JsonNode logs = receipt.get("logs");
    assertThat(logs).hasSize(2);
    assertThat(logs.get(0).get("logIndex").asText()).isEqualTo("0x1");
    assertThat(logs.get(1).get("logIndex").asText()).isEqualTo("0x2");
    assertThat(logs.get(0).get("transactionHash").asText()).isEqualTo(Hex.data(transfer.hash()));
    assertThat(logs.get(0).get("transactionIndex").asText()).isEqualTo("0x1");
    assertThat(logs.get(0).get("removed").asBoolean()).isFalse();
    assertThat(logs.get(0).get("topics").get(0).asText()).isEqualTo(Hex.data(FakeBackend.TRANSFER));
  }

  @Test
  void blockReceiptsAreTheTransactionReceiptsInOrder() {
    JsonNode byNumber = rpc.result("eth_getBlockReceipts", "0x1");
    JsonNode byHash = rpc.result("eth_getBlockReceipts", Hex.data(block1.header().hash()));

    assertThat(byNumber).hasSize(block1.transactions().size());
    for (int i = 0; i < byNumber.size(); i++) {
      String hash = Hex.data(block1.transactions().get(i).hash());
      assertThat(byNumber.get(i)).isEqualTo(rpc.result("eth_getTransactionReceipt", hash));
    }
    assertThat(byHash).isEqualTo(byNumber);
    assertThat(rpc.result("eth_getBlockReceipts", "0x3e8").isNull()).as("beyond the head").isTrue();
    assertThat(rpc.result("eth_getBlockReceipts", "0x" + "22".repeat(32)).isNull()).isTrue();
  }

  @Test
  void failedReceiptCarriesStatusZeroAndRevertReason() {
    JsonNode receipt = rpc.result("eth_getTransactionReceipt", Hex.data(revoked.hash()));

    assertThat(receipt.get("status").asText()).isEqualTo("0x0");
    assertThat(receipt.get("gasUsed").asText()).isEqualTo("0x5208");
    assertThat(receipt.get("type").asText()).isEqualTo("0x1");
    assertThat(receipt.get("logs")).isEqualTo(RunningServer.EMPTY_ARRAY);
    assertThat(receipt.get("revertReason").asText())
        .isEqualTo(Hex.data(TestTransactions.errorString(FakeBackend.REVERT_REASON)));
  }

  @Test
  void qbftValidatorsComeFromTheHeaderExtraData() {
    List<String> expected = TestChain.VALIDATORS.stream().map(a -> a.toHexString()).toList();

    assertThat(rpc.result("qbft_getValidatorsByBlockNumber", "latest"))
        .extracting(JsonNode::asText)
        .containsExactlyElementsOf(expected);
    assertThat(rpc.result("qbft_getValidatorsByBlockHash", Hex.data(block1.header().hash())))
        .extracting(JsonNode::asText)
        .containsExactlyElementsOf(expected);
    assertThat(rpc.result("qbft_getValidatorsByBlockNumber", "0x63").isNull()).isTrue();
  }

  @Test
  void signerMetricsCountEachCoinbaseOverTheRangeAndListIdleValidators() {
    long head = rpc.fake.chain.head().number();
    // blocks 0..head-1 (toBlock excluded); TestChain's coinbase rotates over its 4 validators
    JsonNode metrics = rpc.result("qbft_getSignerMetrics");

    java.util.Map<String, Long> counts = new java.util.TreeMap<>();
    for (long n = 0; n < head; n++) {
      counts.merge(rpc.fake.chain.blockAt(n).header().coinbase().toHexString(), 1L, Long::sum);
    }
    TestChain.VALIDATORS.forEach(v -> counts.putIfAbsent(v.toHexString(), 0L));
    assertThat(metrics).hasSize(counts.size());
    for (JsonNode m : metrics) {
      assertThat(Long.decode(m.get("proposedBlockCount").asText()))
          .as(m.get("address").asText())
          .isEqualTo(counts.get(m.get("address").asText()));
    }
    JsonNode first = rpc.result("qbft_getSignerMetrics", "0x1", "0x2");
    assertThat(first).hasSize(TestChain.VALIDATORS.size());
    assertThat(first.findValues("lastProposedBlockNumber"))
        .extracting(JsonNode::asText)
        .contains("0x1");
    assertThat(rpc.error("qbft_getSignerMetrics", "0x2", "0x2").get("code").asInt())
        .isEqualTo(-32602);
  }

  @Test
  void malformedHashIsInvalidParams() {
    JsonNode error = rpc.error("eth_getBlockByHash", "0x1234", false);

    assertThat(error.get("code").asInt()).isEqualTo(-32602);
    assertThat(error.get("message").asText())
        .isEqualTo(
            "invalid argument 0 (block hash): a hash has 64 hex digits, got 4 in \"0x1234\"");
  }
}

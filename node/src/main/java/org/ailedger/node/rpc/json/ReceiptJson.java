package org.ailedger.node.rpc.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.ailedger.evm.frame.ContractAddress;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.TransactionReceipt;
import org.ailedger.node.rpc.filter.MatchedLog;
import org.ailedger.node.tx.Transaction;
import org.ailedger.types.Address;
import org.ailedger.types.Log;
import org.apache.tuweni.bytes.Bytes32;

/** Receipts in the shape of the execution-apis receipt schema, plus Besu's revertReason. */
public final class ReceiptJson {
  private ReceiptJson() {}

  /**
   * The receipt of transaction {@code index} of {@code block}. A receipt stores only cumulative
   * gas, so this transaction's gas is the difference to the previous one's, and its first log index
   * is the count of logs before it in the block.
   */
  public static ObjectNode of(Block block, List<TransactionReceipt> receipts, int index) {
    requireReceipt(block, receipts, index);
    int firstLogIndex = 0;
    for (int i = 0; i < index; i++) {
      firstLogIndex += receipts.get(i).logs().size();
    }
    return of(block, receipts, index, firstLogIndex);
  }

  /**
   * Every receipt of {@code block} in order, counting log indexes as it goes, so a block of n
   * receipts costs n, not n².
   */
  public static ArrayNode all(Block block, List<TransactionReceipt> receipts) {
    ArrayNode json = RpcJson.array();
    int firstLogIndex = 0;
    for (int i = 0; i < block.transactions().size(); i++) {
      requireReceipt(block, receipts, i);
      json.add(of(block, receipts, i, firstLogIndex));
      firstLogIndex += receipts.get(i).logs().size();
    }
    return json;
  }

  /** keccak256(RLP([sender, nonce]))[12:], the address a creation transaction deploys to. */
  static Address createdAddress(Address sender, long nonce) {
    return new Address(
        ContractAddress.ofCreate(new org.ailedger.evm.state.Address(sender.bytes()), nonce)
            .bytes());
  }

  private static void requireReceipt(Block block, List<TransactionReceipt> receipts, int index) {
    if (receipts.size() != block.transactions().size() || index < 0 || index >= receipts.size()) {
      throw new IllegalStateException("no receipt " + index + " for block " + block.number());
    }
  }

  private static ObjectNode of(
      Block block, List<TransactionReceipt> receipts, int index, int firstLogIndex) {
    Transaction tx = block.transactions().get(index);
    TransactionReceipt receipt = receipts.get(index);
    long previousCumulative = index == 0 ? 0 : receipts.get(index - 1).cumulativeGasUsed();
    Bytes32 blockHash = block.header().hash();

    ObjectNode json = RpcJson.object();
    json.put("transactionHash", Hex.data(tx.hash()));
    json.put("transactionIndex", Hex.quantity(index));
    json.put("blockHash", Hex.data(blockHash));
    json.put("blockNumber", Hex.quantity(block.number()));
    json.put("from", Hex.address(receipt.sender()));
    if (tx.to().isPresent()) {
      json.put("to", Hex.address(tx.to().get()));
    } else {
      json.putNull("to");
    }
    json.put("cumulativeGasUsed", Hex.quantity(receipt.cumulativeGasUsed()));
    json.put("gasUsed", Hex.quantity(receipt.cumulativeGasUsed() - previousCumulative));
    json.put("effectiveGasPrice", Hex.quantity(tx.effectiveGasPrice(block.header().baseFee())));
    // as geth and Besu: the address a creation deploys to, from its sender and nonce, whether or
    // not the creation succeeded (the status says which)
    if (tx.to().isEmpty()) {
      json.put("contractAddress", Hex.address(createdAddress(receipt.sender(), tx.nonce())));
    } else {
      json.putNull("contractAddress");
    }
    ArrayNode logs = json.putArray("logs");
    for (int i = 0; i < receipt.logs().size(); i++) {
      Log log = receipt.logs().get(i);
      logs.add(
          LogJson.of(
              new MatchedLog(
                  log,
                  block.number(),
                  blockHash,
                  block.header().timestamp(),
                  tx.hash(),
                  index,
                  firstLogIndex + i)));
    }
    json.put("logsBloom", Hex.data(receipt.bloom().bytes()));
    json.put("type", Hex.quantity(receipt.type().rpcType()));
    json.put("status", receipt.success() ? "0x1" : "0x0");
    receipt.revertData().ifPresent(data -> json.put("revertReason", Hex.data(data)));
    return json;
  }
}

package org.ailedger.node.rpc.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ailedger.node.tx.AccessListEntry;
import org.ailedger.node.tx.Transaction;
import org.ailedger.node.tx.TransactionEncoder;
import org.ailedger.node.tx.TransactionType;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/** Transactions in the shape of the execution-apis transaction schema. */
public final class TransactionJson {
  private TransactionJson() {}

  /**
   * A transaction in a block; {@code gasPrice} is what it paid per gas at the block's base fee, and
   * {@code blockTimestamp} is the block's, which execution-apis requires of mined transactions.
   */
  public static ObjectNode mined(
      Transaction tx,
      Address from,
      Bytes32 blockHash,
      long blockNumber,
      long blockTimestamp,
      int index,
      UInt256 baseFee) {
    ObjectNode json = RpcJson.object();
    json.put("blockHash", Hex.data(blockHash));
    json.put("blockNumber", Hex.quantity(blockNumber));
    json.put("blockTimestamp", Hex.quantity(blockTimestamp));
    fill(json, tx, from, tx.effectiveGasPrice(baseFee));
    json.put("transactionIndex", Hex.quantity(index));
    putTail(json, tx);
    return json;
  }

  /** A pooled transaction: no block yet, and {@code gasPrice} is the fee cap, as geth reports. */
  public static ObjectNode pending(Transaction tx, Address from) {
    ObjectNode json = RpcJson.object();
    json.putNull("blockHash");
    json.putNull("blockNumber");
    json.putNull("blockTimestamp");
    fill(json, tx, from, tx.maxFeePerGas());
    json.putNull("transactionIndex");
    putTail(json, tx);
    return json;
  }

  private static void fill(ObjectNode json, Transaction tx, Address from, UInt256 gasPrice) {
    json.put("from", Hex.address(from));
    json.put("gas", Hex.quantity(tx.gasLimit()));
    json.put("gasPrice", Hex.quantity(gasPrice));
    if (tx.type() == TransactionType.EIP1559) {
      json.put("maxFeePerGas", Hex.quantity(tx.maxFeePerGas()));
      json.put("maxPriorityFeePerGas", Hex.quantity(tx.maxPriorityFeePerGas()));
    }
    json.put("hash", Hex.data(tx.hash()));
    json.put("input", Hex.data(tx.data()));
    json.put("nonce", Hex.quantity(tx.nonce()));
    if (tx.to().isPresent()) {
      json.put("to", Hex.address(tx.to().get()));
    } else {
      json.putNull("to");
    }
  }

  /** The fields after transactionIndex, in geth's order. */
  private static void putTail(ObjectNode json, Transaction tx) {
    json.put("value", Hex.quantity(tx.value()));
    json.put("type", Hex.quantity(tx.type().rpcType()));
    if (tx.type() != TransactionType.LEGACY) {
      ArrayNode list = json.putArray("accessList");
      for (AccessListEntry entry : tx.accessList()) {
        ObjectNode item = list.addObject();
        item.put("address", Hex.address(entry.address()));
        ArrayNode keys = item.putArray("storageKeys");
        entry.storageKeys().forEach(k -> keys.add(Hex.data(k)));
      }
    }
    if (tx.chainId().isPresent()) {
      json.put("chainId", Hex.quantity(tx.chainId().getAsLong()));
    }
    int yParity = tx.signature().recId();
    json.put(
        "v",
        tx.type() == TransactionType.LEGACY
            ? Hex.quantity(TransactionEncoder.legacyV(tx))
            : Hex.quantity(yParity));
    json.put("r", Hex.quantity(tx.signature().r()));
    json.put("s", Hex.quantity(tx.signature().s()));
    if (tx.type() != TransactionType.LEGACY) {
      json.put("yParity", Hex.quantity(yParity));
    }
  }
}

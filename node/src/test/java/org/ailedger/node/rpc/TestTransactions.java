package org.ailedger.node.rpc;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.ailedger.node.block.LogsBloom;
import org.ailedger.node.block.TransactionReceipt;
import org.ailedger.node.tx.AccessListEntry;
import org.ailedger.node.tx.Signature;
import org.ailedger.node.tx.Transaction;
import org.ailedger.node.tx.TransactionType;
import org.ailedger.types.Address;
import org.ailedger.types.Log;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Transactions and receipts for tests. Signatures are arbitrary values in valid ranges: nothing
 * here recovers senders, which receipts carry.
 */
public final class TestTransactions {
  public static final Signature SIGNATURE =
      new Signature(
          new BigInteger("1b3c5e7f9a1b3c5e7f9a1b3c5e7f9a1b3c5e7f9a1b3c5e7f9a1b3c5e7f9a1b3c", 16),
          new BigInteger("2c4e6f8a0b2c4e6f8a0b2c4e6f8a0b2c4e6f8a0b2c4e6f8a0b2c4e6f8a0b2c4e", 16),
          1);

  private TestTransactions() {}

  public static Transaction legacy(long nonce, long gasPrice, Address to, Bytes data) {
    return new Transaction(
        TransactionType.LEGACY,
        OptionalLong.of(TestChain.CHAIN_ID),
        nonce,
        UInt256.valueOf(gasPrice),
        UInt256.valueOf(gasPrice),
        50_000,
        Optional.of(to),
        UInt256.ZERO,
        data,
        List.of(),
        SIGNATURE);
  }

  public static Transaction accessList(
      long nonce, long gasPrice, Address to, Bytes data, List<AccessListEntry> accessList) {
    return new Transaction(
        TransactionType.ACCESS_LIST,
        OptionalLong.of(TestChain.CHAIN_ID),
        nonce,
        UInt256.valueOf(gasPrice),
        UInt256.valueOf(gasPrice),
        60_000,
        Optional.of(to),
        UInt256.valueOf(7),
        data,
        accessList,
        SIGNATURE);
  }

  public static Transaction eip1559(
      long nonce, long tip, long maxFee, Address to, Bytes data, List<AccessListEntry> accessList) {
    return new Transaction(
        TransactionType.EIP1559,
        OptionalLong.of(TestChain.CHAIN_ID),
        nonce,
        UInt256.valueOf(tip),
        UInt256.valueOf(maxFee),
        90_000,
        Optional.of(to),
        UInt256.ZERO,
        data,
        accessList,
        new Signature(SIGNATURE.r(), SIGNATURE.s(), 0));
  }

  public static TransactionReceipt receipt(
      Transaction tx, Address sender, long cumulativeGas, List<Log> logs) {
    return new TransactionReceipt(
        tx.type(), true, cumulativeGas, LogsBloom.of(logs), logs, sender, Optional.empty());
  }

  public static TransactionReceipt failed(
      Transaction tx, Address sender, long cumulativeGas, Bytes revertData) {
    return new TransactionReceipt(
        tx.type(),
        false,
        cumulativeGas,
        LogsBloom.EMPTY,
        List.of(),
        sender,
        Optional.of(revertData));
  }

  public static Log log(Address address, Bytes data, Bytes32... topics) {
    return new Log(address, List.of(topics), data);
  }

  /** ABI encoding of Solidity's {@code Error(string)}, as native contracts revert with it. */
  public static Bytes errorString(String reason) {
    byte[] text = reason.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    int padded = (text.length + 31) / 32 * 32;
    return Bytes.concatenate(
        Bytes.fromHexString("0x08c379a0"),
        Bytes32.leftPad(Bytes.of(0x20)),
        Bytes32.leftPad(Bytes.ofUnsignedLong(text.length)),
        Bytes.wrap(java.util.Arrays.copyOf(text, padded)));
  }
}

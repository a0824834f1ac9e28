package org.ailedger.node.tx;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * The fields of a transaction before it is signed; the chain id is chosen at signing time. Use the
 * factories for the common shapes; the canonical constructor also allows an empty {@code to}
 * (contract creation), which deploys EVM code where the genesis enables the EVM.
 *
 * <p>Legacy and EIP-2930 transactions have one gas price, carried as both fee fields, exactly as in
 * {@link Transaction}.
 */
public record UnsignedTransaction(
    TransactionType type,
    long nonce,
    UInt256 maxPriorityFeePerGas,
    UInt256 maxFeePerGas,
    long gasLimit,
    Optional<Address> to,
    UInt256 value,
    Bytes data,
    List<AccessListEntry> accessList) {

  public UnsignedTransaction {
    if (type == null
        || maxPriorityFeePerGas == null
        || maxFeePerGas == null
        || to == null
        || value == null
        || data == null
        || accessList == null) {
      throw new IllegalArgumentException("unsigned transaction fields must not be null");
    }
    if (nonce < 0 || gasLimit < 0) {
      throw new IllegalArgumentException("nonce and gas limit must not be negative");
    }
    if (type != TransactionType.EIP1559 && !maxPriorityFeePerGas.equals(maxFeePerGas)) {
      throw new IllegalArgumentException("a " + type + " transaction has a single gas price");
    }
    if (type == TransactionType.LEGACY && !accessList.isEmpty()) {
      throw new IllegalArgumentException("legacy transactions have no access list");
    }
    data = data.copy();
    accessList = List.copyOf(accessList);
  }

  public static UnsignedTransaction legacy(
      long nonce, UInt256 gasPrice, long gasLimit, Address to, UInt256 value, Bytes data) {
    return new UnsignedTransaction(
        TransactionType.LEGACY,
        nonce,
        gasPrice,
        gasPrice,
        gasLimit,
        Optional.of(to),
        value,
        data,
        List.of());
  }

  public static UnsignedTransaction accessList(
      long nonce,
      UInt256 gasPrice,
      long gasLimit,
      Address to,
      UInt256 value,
      Bytes data,
      List<AccessListEntry> accessList) {
    return new UnsignedTransaction(
        TransactionType.ACCESS_LIST,
        nonce,
        gasPrice,
        gasPrice,
        gasLimit,
        Optional.of(to),
        value,
        data,
        accessList);
  }

  public static UnsignedTransaction eip1559(
      long nonce,
      UInt256 maxPriorityFeePerGas,
      UInt256 maxFeePerGas,
      long gasLimit,
      Address to,
      UInt256 value,
      Bytes data,
      List<AccessListEntry> accessList) {
    return new UnsignedTransaction(
        TransactionType.EIP1559,
        nonce,
        maxPriorityFeePerGas,
        maxFeePerGas,
        gasLimit,
        Optional.of(to),
        value,
        data,
        accessList);
  }

  /** The signed transaction for {@code chainId} carrying {@code signature}. */
  public Transaction withSignature(long chainId, Signature signature) {
    if (chainId < 0) {
      throw new IllegalArgumentException("chain id must not be negative, got " + chainId);
    }
    return new Transaction(
        type,
        OptionalLong.of(chainId),
        nonce,
        maxPriorityFeePerGas,
        maxFeePerGas,
        gasLimit,
        to,
        value,
        data,
        accessList,
        signature);
  }
}

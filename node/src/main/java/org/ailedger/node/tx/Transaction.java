package org.ailedger.node.tx;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.ailedger.types.Address;
import org.ailedger.types.Keccak;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * A signed transaction of any accepted envelope. Immutable; the canonical encoding and the hash are
 * computed once on first use, because the pool, the block store and JSON-RPC all ask for them
 * repeatedly.
 *
 * <p>Legacy and EIP-2930 transactions carry one gas price, exposed as both {@link #maxFeePerGas()}
 * and {@link #maxPriorityFeePerGas()} so fee logic treats every type alike.
 */
public final class Transaction {
  private final TransactionType type;
  private final OptionalLong chainId;
  private final long nonce;
  private final UInt256 maxPriorityFeePerGas;
  private final UInt256 maxFeePerGas;
  private final long gasLimit;
  private final Optional<Address> to;
  private final UInt256 value;
  private final Bytes data;
  private final List<AccessListEntry> accessList;
  private final Signature signature;
  private volatile Bytes encoded;
  private volatile Bytes32 hash;

  public Transaction(
      TransactionType type,
      OptionalLong chainId,
      long nonce,
      UInt256 maxPriorityFeePerGas,
      UInt256 maxFeePerGas,
      long gasLimit,
      Optional<Address> to,
      UInt256 value,
      Bytes data,
      List<AccessListEntry> accessList,
      Signature signature) {
    this.type = Objects.requireNonNull(type, "type");
    this.chainId = Objects.requireNonNull(chainId, "chainId");
    if (type != TransactionType.LEGACY && chainId.isEmpty()) {
      throw new IllegalArgumentException("typed transactions always carry a chain id");
    }
    if (nonce < 0 || gasLimit < 0) {
      throw new IllegalArgumentException("nonce and gas limit are unsigned 64-bit values");
    }
    this.nonce = nonce;
    this.maxPriorityFeePerGas =
        Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
    this.maxFeePerGas = Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
    if (type != TransactionType.EIP1559 && !maxPriorityFeePerGas.equals(maxFeePerGas)) {
      throw new IllegalArgumentException("a " + type + " transaction has a single gas price");
    }
    this.gasLimit = gasLimit;
    this.to = Objects.requireNonNull(to, "to");
    this.value = Objects.requireNonNull(value, "value");
    this.data = Objects.requireNonNull(data, "data").copy();
    this.accessList = List.copyOf(accessList);
    if (type == TransactionType.LEGACY && !accessList.isEmpty()) {
      throw new IllegalArgumentException("legacy transactions have no access list");
    }
    this.signature = Objects.requireNonNull(signature, "signature");
  }

  public TransactionType type() {
    return type;
  }

  /** Empty only for a pre-EIP-155 legacy transaction, which this chain rejects in validation. */
  public OptionalLong chainId() {
    return chainId;
  }

  public long nonce() {
    return nonce;
  }

  public UInt256 maxPriorityFeePerGas() {
    return maxPriorityFeePerGas;
  }

  public UInt256 maxFeePerGas() {
    return maxFeePerGas;
  }

  /** The legacy/EIP-2930 gas price; for EIP-1559 the fee cap. */
  public UInt256 gasPrice() {
    return maxFeePerGas;
  }

  public long gasLimit() {
    return gasLimit;
  }

  /** Empty for a contract creation, which deploys EVM code. */
  public Optional<Address> to() {
    return to;
  }

  public UInt256 value() {
    return value;
  }

  public Bytes data() {
    return data;
  }

  public List<AccessListEntry> accessList() {
    return accessList;
  }

  public Signature signature() {
    return signature;
  }

  /** The price actually paid per gas in a block with the given base fee. */
  public UInt256 effectiveGasPrice(UInt256 baseFee) {
    if (type != TransactionType.EIP1559) {
      return maxFeePerGas;
    }
    UInt256 tipCap = maxFeePerGas.subtract(baseFee);
    return baseFee.add(maxPriorityFeePerGas.compareTo(tipCap) < 0 ? maxPriorityFeePerGas : tipCap);
  }

  /** The EIP-2718 encoding: type byte and RLP payload, or the RLP list for legacy. */
  public Bytes encoded() {
    Bytes result = encoded;
    if (result == null) {
      result = TransactionEncoder.encode(this);
      encoded = result;
    }
    return result;
  }

  /** keccak256 of {@link #encoded()}. */
  public Bytes32 hash() {
    Bytes32 result = hash;
    if (result == null) {
      result = Keccak.hash(encoded());
      hash = result;
    }
    return result;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Transaction that && hash().equals(that.hash());
  }

  @Override
  public int hashCode() {
    return hash().hashCode();
  }

  @Override
  public String toString() {
    return "Transaction{" + type + ", hash=" + hash() + ", nonce=" + nonce + "}";
  }
}

package org.ailedger.evm.frame;

import java.util.function.LongFunction;
import org.ailedger.evm.state.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * The block a transaction runs in. {@code blockHashes} answers BLOCKHASH for the 256 blocks before
 * {@code number} (the interpreter checks the window).
 */
public record BlockContext(
    Address coinbase,
    long number,
    long timestamp,
    long gasLimit,
    UInt256 baseFee,
    Bytes32 prevRandao,
    UInt256 chainId,
    long excessBlobGas,
    LongFunction<Bytes32> blockHashes) {
  public BlockContext {
    if (coinbase == null || baseFee == null || prevRandao == null || chainId == null) {
      throw new IllegalArgumentException("incomplete block context");
    }
    if (number < 0 || gasLimit < 0 || excessBlobGas < 0 || blockHashes == null) {
      throw new IllegalArgumentException("invalid block context");
    }
  }

  /** The blob base fee of EIP-4844 for this block's excess blob gas. */
  public UInt256 blobBaseFee() {
    return BlobFee.baseFee(excessBlobGas);
  }
}

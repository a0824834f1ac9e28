package org.ailedger.evm.frame;

import java.math.BigInteger;
import org.apache.tuweni.units.bigints.UInt256;

/** EIP-4844 blob gas pricing (Cancun parameters). */
public final class BlobFee {
  public static final long GAS_PER_BLOB = 131_072;
  public static final int MAX_BLOBS_PER_BLOCK = 6;
  private static final BigInteger MIN_BLOB_BASE_FEE = BigInteger.ONE;
  private static final BigInteger UPDATE_FRACTION = BigInteger.valueOf(3_338_477);

  private BlobFee() {}

  /** factor × e^(numerator / denominator), approximated by the Taylor series the EIP fixes. */
  static UInt256 baseFee(long excessBlobGas) {
    BigInteger numerator = BigInteger.valueOf(excessBlobGas);
    BigInteger output = BigInteger.ZERO;
    BigInteger accumulator = MIN_BLOB_BASE_FEE.multiply(UPDATE_FRACTION);
    for (int i = 1; accumulator.signum() > 0; i++) {
      output = output.add(accumulator);
      accumulator =
          accumulator.multiply(numerator).divide(UPDATE_FRACTION.multiply(BigInteger.valueOf(i)));
    }
    BigInteger fee = output.divide(UPDATE_FRACTION);
    return fee.bitLength() > 256 ? UInt256.MAX_VALUE : UInt256.valueOf(fee);
  }
}

package org.ailedger.precompiles.model;

import java.math.BigInteger;
import org.web3j.abi.datatypes.generated.Int256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;

/** The ABI value types the registry needs beyond {@link org.ailedger.precompiles.abi.AbiValues}. */
final class ModelAbi {
  private ModelAbi() {}

  static Uint64 uint64(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("uint64 cannot be negative: " + value);
    }
    return new Uint64(BigInteger.valueOf(value));
  }

  static Uint8 uint8(int value) {
    return new Uint8(BigInteger.valueOf(value));
  }

  static Int256 int256(BigInteger value) {
    return new Int256(value);
  }
}

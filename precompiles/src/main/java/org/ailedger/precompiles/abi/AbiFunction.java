package org.ailedger.precompiles.abi;

/**
 * One row of a contract's method table: the Solidity signature, whether it may change state or take
 * value, the fixed gas it costs on top of what its slot accesses and logs are charged, and its Java
 * body.
 */
public record AbiFunction(
    AbiSignature signature, Mutability mutability, long gas, FunctionHandler handler) {
  public AbiFunction {
    if (signature == null || mutability == null || handler == null) {
      throw new IllegalArgumentException("signature, mutability and handler are required");
    }
    if (gas < 0) {
      throw new IllegalArgumentException("gas < 0 for " + signature.canonical());
    }
  }

  public static AbiFunction view(String signature, long gas, FunctionHandler handler) {
    return new AbiFunction(AbiSignature.parse(signature), Mutability.VIEW, gas, handler);
  }

  public static AbiFunction nonpayable(String signature, long gas, FunctionHandler handler) {
    return new AbiFunction(AbiSignature.parse(signature), Mutability.NONPAYABLE, gas, handler);
  }

  public static AbiFunction payable(String signature, long gas, FunctionHandler handler) {
    return new AbiFunction(AbiSignature.parse(signature), Mutability.PAYABLE, gas, handler);
  }
}

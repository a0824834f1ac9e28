package org.ailedger.precompiles.abi;

import java.math.BigInteger;
import java.util.List;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * Turns the project's value types into web3j ABI values, for function results and event fields. The
 * reverse direction is {@link AbiArgs}.
 */
public final class AbiValues {
  private AbiValues() {}

  public static org.web3j.abi.datatypes.Address address(Address address) {
    return new org.web3j.abi.datatypes.Address(new BigInteger(1, address.bytes().toArrayUnsafe()));
  }

  public static org.web3j.abi.datatypes.generated.Bytes32 bytes32(Bytes32 value) {
    return new org.web3j.abi.datatypes.generated.Bytes32(value.toArray());
  }

  public static Bool bool(boolean value) {
    return new Bool(value);
  }

  public static Uint256 uint256(UInt256 value) {
    return new Uint256(value.toBigInteger());
  }

  public static Uint256 uint256(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("uint256 cannot be negative: " + value);
    }
    return new Uint256(BigInteger.valueOf(value));
  }

  public static Utf8String string(String value) {
    return new Utf8String(value);
  }

  public static DynamicBytes bytes(Bytes value) {
    return new DynamicBytes(value.toArray());
  }

  public static DynamicArray<org.web3j.abi.datatypes.Address> addresses(List<Address> values) {
    return new DynamicArray<>(
        org.web3j.abi.datatypes.Address.class, values.stream().map(AbiValues::address).toList());
  }

  public static DynamicArray<org.web3j.abi.datatypes.generated.Bytes32> bytes32s(
      List<Bytes32> values) {
    return new DynamicArray<>(
        org.web3j.abi.datatypes.generated.Bytes32.class,
        values.stream().map(AbiValues::bytes32).toList());
  }
}

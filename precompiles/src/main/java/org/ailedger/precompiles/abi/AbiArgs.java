package org.ailedger.precompiles.abi;

import java.util.List;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Uint;
import org.web3j.abi.datatypes.Utf8String;

/**
 * The decoded arguments of one call, read by position in the project's value types. Asking for a
 * position with a different declared type is a bug in the handler and throws {@link
 * IllegalStateException}.
 */
public final class AbiArgs {
  private final AbiSignature signature;

  @SuppressWarnings("rawtypes")
  private final List<Type> values;

  @SuppressWarnings("rawtypes")
  AbiArgs(AbiSignature signature, List<Type> values) {
    this.signature = signature;
    this.values = List.copyOf(values);
  }

  public int size() {
    return values.size();
  }

  public Address address(int index) {
    var value = (org.web3j.abi.datatypes.Address) at(index, "address");
    return Address.fromWord(UInt256.valueOf(value.toUint().getValue()).toBytes());
  }

  public Bytes32 bytes32(int index) {
    var value = (org.web3j.abi.datatypes.generated.Bytes32) at(index, "bytes32");
    return Bytes32.wrap(value.getValue().clone());
  }

  public boolean bool(int index) {
    return ((Bool) at(index, "bool")).getValue();
  }

  /** Any {@code uintN} argument. */
  public UInt256 uint(int index) {
    String declared = declared(index);
    if (!declared.startsWith("uint") || declared.endsWith("[]")) {
      throw mismatch(index, "uint");
    }
    return UInt256.valueOf(((Uint) values.get(index)).getValue());
  }

  public String string(int index) {
    return ((Utf8String) at(index, "string")).getValue();
  }

  public Bytes bytes(int index) {
    return Bytes.wrap(((DynamicBytes) at(index, "bytes")).getValue().clone());
  }

  public List<Address> addresses(int index) {
    @SuppressWarnings("unchecked")
    var array = (DynamicArray<org.web3j.abi.datatypes.Address>) at(index, "address[]");
    return array.getValue().stream()
        .map(a -> Address.fromWord(UInt256.valueOf(a.toUint().getValue()).toBytes()))
        .toList();
  }

  public List<Bytes32> bytes32s(int index) {
    @SuppressWarnings("unchecked")
    var array = (DynamicArray<org.web3j.abi.datatypes.generated.Bytes32>) at(index, "bytes32[]");
    return array.getValue().stream().map(b -> Bytes32.wrap(b.getValue().clone())).toList();
  }

  public List<UInt256> uints(int index) {
    @SuppressWarnings("unchecked")
    var array = (DynamicArray<org.web3j.abi.datatypes.Uint>) at(index, "uint256[]");
    return array.getValue().stream().map(v -> UInt256.valueOf(v.getValue())).toList();
  }

  @SuppressWarnings("rawtypes")
  private Type at(int index, String expected) {
    if (!declared(index).equals(expected)) {
      throw mismatch(index, expected);
    }
    return values.get(index);
  }

  private String declared(int index) {
    if (index < 0 || index >= values.size()) {
      throw new IllegalStateException(signature.canonical() + " has no argument " + index);
    }
    return signature.inputs().get(index).type().name();
  }

  private IllegalStateException mismatch(int index, String expected) {
    return new IllegalStateException(
        "argument "
            + index
            + " of "
            + signature.canonical()
            + " is "
            + declared(index)
            + ", not "
            + expected);
  }
}

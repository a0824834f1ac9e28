package org.ailedger.indexer.event;

import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Int;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Uint;
import org.web3j.abi.datatypes.Utf8String;

/**
 * An event's decoded parameters in the order the ABI declares them, indexed and non-indexed merged
 * back together, read by position with the Java type each ABI type maps to. A value of the wrong
 * ABI type or out of range throws {@link IllegalArgumentException}: the log does not match the
 * event it claims to be.
 */
public final class EventValues {
  private final List<Type<?>> values;

  EventValues(List<Type<?>> values) {
    this.values = List.copyOf(values);
  }

  public Bytes32 bytes32(int position) {
    return Bytes32.wrap(
        as(position, org.web3j.abi.datatypes.generated.Bytes32.class).getValue().clone());
  }

  public EthAddress address(int position) {
    return EthAddress.fromHex(as(position, Address.class).getValue());
  }

  public BigInteger uint(int position) {
    return as(position, Uint.class).getValue();
  }

  public BigInteger int256(int position) {
    return as(position, Int.class).getValue();
  }

  /** An unsigned value the contract keeps below 2^63: a round, a proposal id, a block number. */
  public long uintAsLong(int position) {
    BigInteger value = uint(position);
    if (value.bitLength() > Long.SIZE - 1) {
      throw new IllegalArgumentException("parameter " + position + " exceeds a long: " + value);
    }
    return value.longValueExact();
  }

  public int uint8(int position) {
    return uint(position).intValueExact();
  }

  public String string(int position) {
    return as(position, Utf8String.class).getValue();
  }

  public Bytes bytes(int position) {
    return Bytes.wrap(as(position, DynamicBytes.class).getValue().clone());
  }

  public List<Bytes32> bytes32List(int position) {
    DynamicArray<?> array = as(position, DynamicArray.class);
    return array.getValue().stream()
        .map(
            item -> {
              if (!(item instanceof org.web3j.abi.datatypes.generated.Bytes32 word)) {
                throw new IllegalArgumentException("parameter " + position + " is not bytes32[]");
              }
              return Bytes32.wrap(word.getValue().clone());
            })
        .toList();
  }

  private <T> T as(int position, Class<T> type) {
    if (position < 0 || position >= values.size()) {
      throw new IllegalArgumentException(
          "no parameter " + position + " among " + values.size() + " decoded");
    }
    Type<?> value = values.get(position);
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(
          "parameter " + position + " is " + value.getTypeAsString() + ", not " + type.getName());
    }
    return type.cast(value);
  }
}

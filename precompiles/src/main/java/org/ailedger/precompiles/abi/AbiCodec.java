package org.ailedger.precompiles.abi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;

/**
 * Strict ABI encoding and decoding of a parameter list, with web3j doing the work.
 *
 * <p>Calldata comes from anyone, so decoding is guarded twice. First, every offset and length in
 * the input is checked against the input's size before web3j sees it: web3j sizes its lists from
 * the claimed length, so an unchecked length word could make one call allocate gigabytes. Second,
 * the decoded values are encoded again and must reproduce the input (extra trailing bytes are
 * allowed, as Solidity allows them); this refuses dirty padding, a bool that is neither 0 nor 1, an
 * address with high bits set, invalid UTF-8 and unusual offsets, which web3j would otherwise accept
 * or quietly truncate. Standard encoders (web3j, ethers, Solidity) always pass.
 */
@SuppressWarnings("rawtypes") // web3j's ABI API is written over the raw Type
public final class AbiCodec {
  private static final int WORD = 32;

  private final List<AbiType> types;
  private final List<TypeReference<Type>> references;

  private AbiCodec(List<AbiType> types) {
    this.types = List.copyOf(types);
    List<TypeReference<Type>> references = new ArrayList<>();
    for (AbiType type : this.types) {
      references.add(referenceTo(type));
    }
    this.references = List.copyOf(references);
  }

  public static AbiCodec of(List<AbiType> types) {
    return new AbiCodec(types);
  }

  public List<AbiType> types() {
    return types;
  }

  /** The values, or empty if {@code data} is not a canonical encoding of this parameter list. */
  public Optional<List<Type>> decode(Bytes data) {
    if (types.isEmpty()) {
      return Optional.of(List.of());
    }
    if (!withinBounds(data)) {
      return Optional.empty();
    }
    List<Type> values;
    try {
      values = FunctionReturnDecoder.decode(data.toUnprefixedHexString(), references);
    } catch (RuntimeException malformed) {
      return Optional.empty();
    }
    if (values.size() != types.size() || !matchesTypes(values)) {
      return Optional.empty();
    }
    Bytes canonical = encode(values);
    if (canonical.size() > data.size() || !data.slice(0, canonical.size()).equals(canonical)) {
      return Optional.empty();
    }
    return Optional.of(List.copyOf(values));
  }

  /** The standard head-and-tail encoding of {@code values}, without a selector. */
  public static Bytes encode(List<Type> values) {
    return Bytes.fromHexString(FunctionEncoder.encodeConstructor(values));
  }

  /** Whether {@code values} have exactly the types of this list, in order. */
  boolean matchesTypes(List<Type> values) {
    if (values.size() != types.size()) {
      return false;
    }
    for (int i = 0; i < values.size(); i++) {
      if (!values.get(i).getTypeAsString().equals(types.get(i).name())) {
        return false;
      }
    }
    return true;
  }

  private boolean withinBounds(Bytes data) {
    long size = data.size();
    if ((long) WORD * types.size() > size) {
      return false;
    }
    for (int i = 0; i < types.size(); i++) {
      AbiType type = types.get(i);
      if (!type.dynamic()) {
        continue;
      }
      long offset = smallWord(data, (long) WORD * i);
      if (offset < 0 || offset > size - WORD) {
        return false;
      }
      long length = smallWord(data, offset);
      long available = size - offset - WORD;
      if (length < 0 || length > available) {
        return false;
      }
      long needed =
          switch (type) {
            case AbiType.Blob blob -> (length + WORD - 1) / WORD * WORD;
            case AbiType.Array array -> length * WORD;
            case AbiType.Word word -> 0;
          };
      if (needed > available) {
        return false;
      }
    }
    return true;
  }

  /** The word at {@code at} as a non-negative long, or -1 if it does not fit in 63 bits. */
  private static long smallWord(Bytes data, long at) {
    Bytes word = data.slice((int) at, WORD);
    for (int i = 0; i < WORD - 8; i++) {
      if (word.get(i) != 0) {
        return -1;
      }
    }
    long value = word.slice(WORD - 8, 8).toLong();
    return value < 0 ? -1 : value;
  }

  @SuppressWarnings("unchecked")
  private static TypeReference<Type> referenceTo(AbiType type) {
    try {
      return (TypeReference<Type>) TypeReference.makeTypeReference(type.name());
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("web3j has no type for " + type.name(), e);
    }
  }
}

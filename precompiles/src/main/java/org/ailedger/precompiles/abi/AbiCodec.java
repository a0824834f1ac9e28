package org.ailedger.precompiles.abi;

import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Type;

/**
 * Strict ABI encoding and decoding of a parameter list. Calldata comes from anyone, so only the
 * canonical encoding is decoded ({@link CanonicalDecoder}): every offset and length is checked
 * against the input before anything is allocated, and dirty padding, a bool that is neither 0 nor
 * 1, an address with high bits set, invalid UTF-8 and unusual offsets are refused, where web3j's
 * own decoder would accept or quietly truncate them. Standard encoders (web3j, ethers, Solidity)
 * always pass. Encoding is web3j's.
 */
@SuppressWarnings("rawtypes") // web3j's ABI API is written over the raw Type
public final class AbiCodec {

  private final List<AbiType> types;
  private final CanonicalDecoder decoder;

  private AbiCodec(List<AbiType> types) {
    this.types = List.copyOf(types);
    this.decoder = new CanonicalDecoder(this.types);
  }

  public static AbiCodec of(List<AbiType> types) {
    return new AbiCodec(types);
  }

  public List<AbiType> types() {
    return types;
  }

  /** The values, or empty if {@code data} is not a canonical encoding of this parameter list. */
  public Optional<List<Type>> decode(Bytes data) {
    return decoder.decode(data);
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
}

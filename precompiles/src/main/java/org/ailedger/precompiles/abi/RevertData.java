package org.ailedger.precompiles.abi;

import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;

/**
 * Solidity's {@code Error(string)} revert data: the selector 0x08c379a0 followed by the ABI-encoded
 * reason. Every Ethereum tool knows how to show it to a person.
 */
public final class RevertData {
  public static final Bytes SELECTOR = Bytes.fromHexString("0x08c379a0");
  private static final AbiCodec REASON = AbiCodec.of(List.of(AbiType.parse("string")));

  private RevertData() {}

  @SuppressWarnings("rawtypes")
  public static Bytes encode(String reason) {
    List<Type> values = List.of(new Utf8String(reason));
    return Bytes.concatenate(SELECTOR, AbiCodec.encode(values));
  }

  /** The reason inside {@code Error(string)} revert data, or empty for any other output. */
  @SuppressWarnings("rawtypes")
  public static Optional<String> decode(Bytes output) {
    if (output.size() < SELECTOR.size() || !output.slice(0, SELECTOR.size()).equals(SELECTOR)) {
      return Optional.empty();
    }
    return REASON
        .decode(output.slice(SELECTOR.size()))
        .map(values -> (String) values.get(0).getValue());
  }
}

package org.ailedger.precompiles.abi;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ailedger.types.Keccak;
import org.apache.tuweni.bytes.Bytes;

/**
 * A function's name, inputs and outputs, parsed from the line a Solidity interface would show:
 * {@code isAccountAllowed(address account) returns (bool)}. Parameter names are optional.
 */
public record AbiSignature(String name, List<AbiParameter> inputs, List<AbiType> outputs) {
  private static final Pattern FORM =
      Pattern.compile(
          "\\s*([A-Za-z_$][A-Za-z0-9_$]*)\\s*\\(([^()]*)\\)\\s*(?:returns\\s*\\(([^()]*)\\))?\\s*");

  public AbiSignature {
    if (name == null || inputs == null || outputs == null) {
      throw new IllegalArgumentException("name, inputs and outputs are required");
    }
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  /**
   * @throws IllegalArgumentException if the text is not a signature over supported canonical types
   */
  public static AbiSignature parse(String text) {
    Matcher matcher = FORM.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not a function signature: " + text);
    }
    List<AbiParameter> inputs = AbiParameter.parseList(matcher.group(2), false);
    List<AbiType> outputs =
        matcher.group(3) == null
            ? List.of()
            : AbiParameter.parseList(matcher.group(3), false).stream()
                .map(AbiParameter::type)
                .toList();
    return new AbiSignature(matcher.group(1), inputs, outputs);
  }

  /** The form the selector is hashed from, e.g. {@code hasRole(bytes32,address)}. */
  public String canonical() {
    return name
        + inputs.stream().map(p -> p.type().name()).collect(Collectors.joining(",", "(", ")"));
  }

  /** The first four bytes of keccak256 of {@link #canonical()}. */
  public Bytes selector() {
    return Bytes.wrap(Keccak.hash(canonical().getBytes(StandardCharsets.US_ASCII))).slice(0, 4);
  }

  public List<AbiType> inputTypes() {
    return inputs.stream().map(AbiParameter::type).toList();
  }
}

package org.ailedger.precompiles.abi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ailedger.precompiles.ContractState;
import org.ailedger.types.Keccak;
import org.ailedger.types.Log;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.Type;

/**
 * A Solidity event declared as its interface line, e.g. {@code RoleGranted(bytes32 indexed role,
 * address indexed account)}, and emitted as an Ethereum log: topic 0 is keccak256 of the canonical
 * signature, each indexed parameter a further topic, the rest ABI-encoded as data. So indexers and
 * web3j bindings decode native events exactly like Solidity ones.
 *
 * <p>Only one-word types may be indexed (dynamic indexed values would need hashing, which no native
 * event uses yet).
 */
public final class AbiEvent {
  private static final Pattern FORM =
      Pattern.compile("\\s*([A-Za-z_$][A-Za-z0-9_$]*)\\s*\\(([^()]*)\\)\\s*");

  private final String name;
  private final List<AbiParameter> parameters;
  private final Bytes32 topic;

  private AbiEvent(String name, List<AbiParameter> parameters) {
    this.name = name;
    this.parameters = parameters;
    this.topic = Bytes32.wrap(Keccak.hash(canonical().getBytes(StandardCharsets.US_ASCII)));
  }

  /**
   * @throws IllegalArgumentException for a malformed declaration, more than three indexed
   *     parameters, or an indexed parameter that is not one word
   */
  public static AbiEvent parse(String declaration) {
    Matcher matcher = FORM.matcher(declaration);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not an event declaration: " + declaration);
    }
    List<AbiParameter> parameters = AbiParameter.parseList(matcher.group(2), true);
    long indexed = parameters.stream().filter(AbiParameter::indexed).count();
    if (indexed > Log.MAX_TOPICS - 1) {
      throw new IllegalArgumentException(
          "an event has at most 3 indexed parameters: " + declaration);
    }
    for (AbiParameter parameter : parameters) {
      if (parameter.indexed() && parameter.type().dynamic()) {
        throw new IllegalArgumentException(
            "indexed " + parameter.type().name() + " is not supported: " + declaration);
      }
    }
    return new AbiEvent(matcher.group(1), parameters);
  }

  public String name() {
    return name;
  }

  /** E.g. {@code RoleGranted(bytes32,address)}. */
  public String canonical() {
    return name
        + parameters.stream().map(p -> p.type().name()).collect(Collectors.joining(",", "(", ")"));
  }

  /** Topic 0 of every log of this event. */
  public Bytes32 topic() {
    return topic;
  }

  /** Emits one log from {@code state}'s contract, values in declaration order. */
  @SuppressWarnings("rawtypes")
  public void emit(ContractState state, Type... values) {
    if (values.length != parameters.size()) {
      throw new IllegalArgumentException(
          canonical() + " takes " + parameters.size() + " values, got " + values.length);
    }
    List<Bytes32> topics = new ArrayList<>();
    topics.add(topic);
    List<Type> data = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      AbiParameter parameter = parameters.get(i);
      if (!values[i].getTypeAsString().equals(parameter.type().name())) {
        throw new IllegalArgumentException(
            "value " + i + " of " + canonical() + " is " + values[i].getTypeAsString());
      }
      if (parameter.indexed()) {
        topics.add(Bytes32.fromHexString(TypeEncoder.encode(values[i])));
      } else {
        data.add(values[i]);
      }
    }
    state.emit(topics, data.isEmpty() ? Bytes.EMPTY : AbiCodec.encode(data));
  }
}

package org.ailedger.chaincode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ailedger.precompiles.NativeContract;
import org.ailedger.precompiles.abi.AbiEvent;
import org.ailedger.precompiles.abi.AbiFunction;
import org.ailedger.precompiles.abi.AbiType;
import org.ailedger.precompiles.abi.FunctionTable;
import org.ailedger.types.Log;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeDecoder;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.core.methods.response.AbiDefinition;
import org.web3j.protocol.core.methods.response.AbiDefinition.NamedType;
import org.web3j.utils.Numeric;

/**
 * Compares a Java native contract with its Solidity interface and lists every difference a client
 * would trip over: a function or event on one side only (by selector and topic), a function whose
 * return types or mutability differ, and an event whose log, emitted by the Java declaration, is
 * not the log the interface's ABI describes (which catches differently indexed parameters).
 */
final class AbiDrift {
  private AbiDrift() {}

  /** Every mismatch between {@code contract} and {@code I<name>.sol}; empty if they agree. */
  static List<String> of(NativeContract contract) {
    String name = contract.name();
    Optional<InterfaceAbi> abi = InterfaceAbi.load(name);
    if (abi.isEmpty()) {
      return List.of(
          name
              + " at "
              + contract.address()
              + ": no "
              + InterfaceAbi.resourceOf(name)
              + " was built; add src/main/solidity/I"
              + name
              + ".sol declaring interface I"
              + name);
    }
    JavaContractAbi java = JavaContractAbi.of(contract);
    List<String> mismatches = new ArrayList<>();
    compareFunctions(abi.get(), java, mismatches);
    compareEvents(abi.get(), java, mismatches);
    return mismatches;
  }

  private static void compareFunctions(
      InterfaceAbi abi, JavaContractAbi java, List<String> mismatches) {
    String source = "I" + abi.name() + ".sol";
    Optional<FunctionTable> table = java.functions();
    if (table.isEmpty()) {
      mismatches.add(
          java.contract().getClass().getName()
              + " has no public FunctionTable functions(), so its selectors cannot be compared");
      return;
    }
    Map<String, AbiFunction> javaFunctions = new LinkedHashMap<>();
    for (AbiFunction function : table.get().functions()) {
      javaFunctions.put(function.signature().selector().toHexString(), function);
    }
    abi.functions()
        .forEach(
            (selector, declared) -> {
              AbiFunction implemented = javaFunctions.get(selector);
              String label = "function " + InterfaceAbi.canonical(declared) + " [" + selector + "]";
              if (implemented == null) {
                mismatches.add(label + " is declared in " + source + " but not in Java");
                return;
              }
              String javaReturns =
                  implemented.signature().outputs().stream()
                      .map(AbiType::name)
                      .collect(Collectors.joining(",", "(", ")"));
              String declaredReturns = InterfaceAbi.typeList(declared.getOutputs());
              if (!javaReturns.equals(declaredReturns)) {
                mismatches.add(
                    label
                        + " returns "
                        + declaredReturns
                        + " in "
                        + source
                        + " but "
                        + javaReturns
                        + " in Java");
              }
              String javaMutability = implemented.mutability().name().toLowerCase(Locale.ROOT);
              String declaredMutability =
                  "pure".equals(declared.getStateMutability())
                      ? "view"
                      : declared.getStateMutability();
              if (!javaMutability.equals(declaredMutability)) {
                mismatches.add(
                    label
                        + " is "
                        + declared.getStateMutability()
                        + " in "
                        + source
                        + " but "
                        + javaMutability
                        + " in Java");
              }
            });
    javaFunctions.forEach(
        (selector, implemented) -> {
          if (!abi.functions().containsKey(selector)) {
            mismatches.add(
                "function "
                    + implemented.signature().canonical()
                    + " ["
                    + selector
                    + "] is in Java but not declared in "
                    + source);
          }
        });
  }

  private static void compareEvents(
      InterfaceAbi abi, JavaContractAbi java, List<String> mismatches) {
    String source = "I" + abi.name() + ".sol";
    Map<String, AbiEvent> javaEvents = new LinkedHashMap<>();
    for (AbiEvent event : java.events()) {
      javaEvents.put(event.topic().toHexString(), event);
    }
    abi.events()
        .forEach(
            (topic, declared) -> {
              AbiEvent implemented = javaEvents.get(topic);
              String label = "event " + InterfaceAbi.canonical(declared);
              if (implemented == null) {
                mismatches.add(
                    label
                        + " is declared in "
                        + source
                        + " but not in Java (events read from "
                        + java.eventSource()
                        + ")");
                return;
              }
              logMismatch(declared, implemented, java.contract())
                  .ifPresent(problem -> mismatches.add(label + ": " + problem));
            });
    javaEvents.forEach(
        (topic, implemented) -> {
          if (!abi.events().containsKey(topic)) {
            mismatches.add(
                "event "
                    + implemented.canonical()
                    + " is in Java ("
                    + java.eventSource()
                    + ") but not declared in "
                    + source);
          }
        });
  }

  /**
   * Emits the Java event with one distinct sample value per parameter and compares the log with the
   * one the interface's ABI describes for the same values.
   */
  @SuppressWarnings("rawtypes")
  private static Optional<String> logMismatch(
      AbiDefinition declared, AbiEvent implemented, NativeContract contract) {
    List<NamedType> inputs = declared.getInputs();
    List<Type> values = new ArrayList<>();
    List<Bytes32> topics = new ArrayList<>();
    topics.add(implemented.topic());
    List<Type> data = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      NamedType input = inputs.get(i);
      Type value = sample(input.getType(), i);
      values.add(value);
      if (!input.isIndexed()) {
        data.add(value);
      } else if (input.isDynamic()) {
        return Optional.of(
            "the interface indexes " + input.getType() + ", which native events cannot emit");
      } else {
        topics.add(Bytes32.fromHexString(TypeEncoder.encode(value)));
      }
    }
    Log expected =
        new Log(
            contract.address(),
            topics,
            data.isEmpty()
                ? Bytes.EMPTY
                : Bytes.fromHexString(FunctionEncoder.encodeConstructor(data)));

    RecordingState state = new RecordingState(contract.address());
    try {
      implemented.emit(state, values.toArray(Type[]::new));
    } catch (IllegalArgumentException e) {
      return Optional.of("Java refuses the interface's parameter types: " + e.getMessage());
    }
    Log actual = state.logs().getFirst();
    if (actual.equals(expected)) {
      return Optional.empty();
    }
    return Optional.of(
        "Java emits "
            + actual.topics().size()
            + " topics and "
            + actual.data().size()
            + " data bytes where the interface's ABI expects "
            + expected.topics().size()
            + " topics and "
            + expected.data().size()
            + " data bytes; check which parameters are indexed");
  }

  /** A value of {@code type} that differs from the samples of other parameter positions. */
  @SuppressWarnings("rawtypes")
  private static Type sample(String type, int position) {
    try {
      return TypeDecoder.instantiateType(type, plainValue(type, position));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build a " + type + " sample", e);
    }
  }

  private static Object plainValue(String type, int position) {
    if (type.endsWith("[]")) {
      String element = type.substring(0, type.length() - 2);
      return List.of(plainValue(element, position), plainValue(element, position + 50));
    }
    if (type.equals("address")) {
      return Numeric.toHexStringWithPrefixZeroPadded(BigInteger.valueOf(0x1000 + position), 40);
    }
    if (type.equals("bool")) {
      return position % 2 == 0;
    }
    if (type.startsWith("uint") || type.startsWith("int")) {
      return BigInteger.valueOf(position + 1);
    }
    if (type.equals("string")) {
      return "sample " + position;
    }
    if (type.equals("bytes")) {
      return new byte[] {(byte) position, 1, 2};
    }
    if (type.startsWith("bytes")) {
      byte[] fixed = new byte[Integer.parseInt(type.substring("bytes".length()))];
      Arrays.fill(fixed, (byte) (position + 1));
      return fixed;
    }
    throw new IllegalArgumentException("event parameter type " + type + " has no sample value");
  }
}

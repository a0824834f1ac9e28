package org.ailedger.chaincode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.web3j.crypto.Hash;
import org.web3j.protocol.ObjectMapperFactory;
import org.web3j.protocol.core.methods.response.AbiDefinition;
import org.web3j.protocol.core.methods.response.AbiDefinition.NamedType;
import org.web3j.utils.Numeric;

/**
 * One Solidity interface as the build compiled it: the ABI JSON at {@code abi/<Name>.json} in the
 * chaincode jar, read with web3j exactly as a client reads it, keyed by selector and event topic.
 */
record InterfaceAbi(
    String name, Map<String, AbiDefinition> functions, Map<String, AbiDefinition> events) {

  /** The ABI of {@code I<name>.sol}, or empty if the build produced none. */
  static Optional<InterfaceAbi> load(String name) {
    String resource = resourceOf(name);
    try (InputStream in = InterfaceAbi.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      AbiDefinition[] entries =
          ObjectMapperFactory.getObjectMapper().readValue(in, AbiDefinition[].class);
      Map<String, AbiDefinition> functions = new LinkedHashMap<>();
      Map<String, AbiDefinition> events = new LinkedHashMap<>();
      for (AbiDefinition entry : entries) {
        switch (entry.getType()) {
          case "function" -> functions.put(selector(entry), entry);
          case "event" -> events.put(topic(entry), entry);
          default -> {
            // interfaces have no constructor; errors and fallbacks do not reach native contracts
          }
        }
      }
      return Optional.of(new InterfaceAbi(name, functions, events));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  static String resourceOf(String name) {
    return "abi/" + name + ".json";
  }

  /** E.g. {@code hasRole(bytes32,address)}. */
  static String canonical(AbiDefinition entry) {
    return entry.getName() + typeList(entry.getInputs());
  }

  /** E.g. {@code (bool)}; the form return types are compared in. */
  static String typeList(List<NamedType> parameters) {
    return parameters.stream().map(InterfaceAbi::type).collect(Collectors.joining(",", "(", ")"));
  }

  /** The canonical type; tuples expand to their components as the selector hashes them. */
  static String type(NamedType parameter) {
    String type = parameter.getType();
    if (type.startsWith("tuple")) {
      return typeList(parameter.getComponents()) + type.substring("tuple".length());
    }
    return type;
  }

  static String selector(AbiDefinition function) {
    return Numeric.toHexString(keccak(canonical(function))).substring(0, 10);
  }

  static String topic(AbiDefinition event) {
    return Numeric.toHexString(keccak(canonical(event)));
  }

  private static byte[] keccak(String text) {
    return Hash.sha3(text.getBytes(StandardCharsets.US_ASCII));
  }
}

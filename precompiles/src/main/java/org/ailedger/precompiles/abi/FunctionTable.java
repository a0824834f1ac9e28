package org.ailedger.precompiles.abi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ailedger.precompiles.ContractRevert;
import org.ailedger.precompiles.ContractState;
import org.apache.tuweni.bytes.Bytes;
import org.web3j.abi.datatypes.Type;

/**
 * A contract's methods by 4-byte selector, and the dispatch every native call goes through:
 * selector lookup, the value check, strict argument decoding, the function's fixed gas, then the
 * handler, whose results are checked against the declared return types and ABI-encoded.
 *
 * <p>As in Ethereum, a view function may also be sent in a transaction: it runs, reads, and changes
 * nothing.
 */
public final class FunctionTable {
  private final String contractName;
  private final Map<Bytes, Entry> bySelector;

  private record Entry(AbiFunction function, AbiCodec inputs, AbiCodec outputs) {}

  private FunctionTable(String contractName, Map<Bytes, Entry> bySelector) {
    this.contractName = contractName;
    this.bySelector = bySelector;
  }

  /**
   * @throws IllegalArgumentException if two functions share a selector
   */
  public static FunctionTable of(String contractName, List<AbiFunction> functions) {
    Map<Bytes, Entry> bySelector = new LinkedHashMap<>();
    for (AbiFunction function : functions) {
      AbiSignature signature = function.signature();
      Entry entry =
          new Entry(
              function, AbiCodec.of(signature.inputTypes()), AbiCodec.of(signature.outputs()));
      Entry clash = bySelector.putIfAbsent(signature.selector(), entry);
      if (clash != null) {
        throw new IllegalArgumentException(
            signature.canonical()
                + " and "
                + clash.function().signature().canonical()
                + " share selector "
                + signature.selector().toHexString());
      }
    }
    return new FunctionTable(contractName, bySelector);
  }

  public String contractName() {
    return contractName;
  }

  /** In declaration order. */
  public List<AbiFunction> functions() {
    return bySelector.values().stream().map(Entry::function).toList();
  }

  public Optional<AbiFunction> bySelector(Bytes selector) {
    return Optional.ofNullable(bySelector.get(selector)).map(Entry::function);
  }

  /** Runs the function {@code input} selects and returns its ABI-encoded result. */
  @SuppressWarnings("rawtypes")
  public Bytes dispatch(ContractState state, Bytes input) {
    if (input.size() < 4) {
      throw new ContractRevert(
          "missing function selector: a call to "
              + contractName
              + " needs at least 4 bytes of input, got "
              + input.size());
    }
    Bytes selector = input.slice(0, 4);
    Entry entry = bySelector.get(selector);
    if (entry == null) {
      throw new ContractRevert(
          "unknown function selector " + selector.toHexString() + " on " + contractName);
    }
    AbiFunction function = entry.function();
    String canonical = function.signature().canonical();
    if (function.mutability() != Mutability.PAYABLE && !state.context().value().isZero()) {
      throw new ContractRevert(
          "native contracts do not accept value: " + canonical + " is not payable");
    }
    state.gas().charge(function.gas());
    List<Type> arguments =
        entry
            .inputs()
            .decode(input.slice(4))
            .orElseThrow(() -> new ContractRevert("malformed arguments for " + canonical));
    ContractState target =
        function.mutability() == Mutability.VIEW ? new ReadOnlyState(state, canonical) : state;
    List<Type> results =
        function.handler().handle(target, new AbiArgs(function.signature(), arguments));
    if (results == null || !entry.outputs().matchesTypes(results)) {
      throw new IllegalStateException(
          canonical + " returned values that do not match its declared return types");
    }
    return AbiCodec.encode(results);
  }
}

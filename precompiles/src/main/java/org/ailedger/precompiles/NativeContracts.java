package org.ailedger.precompiles;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ailedger.precompiles.governor.QuadraticGovernor;
import org.ailedger.precompiles.model.ModelRegistry;
import org.ailedger.precompiles.permissions.Permissions;
import org.ailedger.precompiles.provenance.DataProvenance;
import org.ailedger.precompiles.token.ContributionToken;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;

/**
 * The native contracts a chain runs, by address. The node asks it whether a call target is native
 * before handing the call to the executor, and what {@code eth_getCode} should answer.
 */
public final class NativeContracts {
  /**
   * First byte of every code marker: the EVM's designated INVALID opcode. Tools decide "is this a
   * contract?" from a non-empty {@code eth_getCode}, so native contracts need some code; starting
   * it with 0xFE means an EVM that ever tried to run it would halt at the first instruction instead
   * of interpreting the name bytes as opcodes.
   */
  public static final byte INVALID_OPCODE = (byte) 0xFE;

  private final Map<Address, NativeContract> byAddress;

  private NativeContracts(Map<Address, NativeContract> byAddress) {
    this.byAddress = byAddress;
  }

  /** The contracts every node of this chain runs. */
  public static NativeContracts standard() {
    return of(
        List.of(
            new Permissions(),
            new ModelRegistry(),
            new DataProvenance(),
            new ContributionToken(),
            new QuadraticGovernor()));
  }

  /**
   * @throws IllegalArgumentException if two contracts share an address or a name
   */
  public static NativeContracts of(List<NativeContract> contracts) {
    Map<Address, NativeContract> byAddress = new LinkedHashMap<>();
    Set<String> names = new HashSet<>();
    for (NativeContract contract : contracts) {
      if (byAddress.putIfAbsent(contract.address(), contract) != null) {
        throw new IllegalArgumentException("two native contracts at " + contract.address());
      }
      if (!names.add(contract.name())) {
        throw new IllegalArgumentException("two native contracts named " + contract.name());
      }
    }
    return new NativeContracts(byAddress);
  }

  public Optional<NativeContract> at(Address address) {
    return Optional.ofNullable(byAddress.get(address));
  }

  public boolean isNative(Address address) {
    return byAddress.containsKey(address);
  }

  /**
   * The code marker {@code eth_getCode} answers for a native contract: 0xFE followed by the UTF-8
   * contract name; empty for any other address, as for an account without code.
   */
  public Bytes code(Address address) {
    NativeContract contract = byAddress.get(address);
    if (contract == null) {
      return Bytes.EMPTY;
    }
    return Bytes.concatenate(
        Bytes.of(INVALID_OPCODE), Bytes.wrap(contract.name().getBytes(StandardCharsets.UTF_8)));
  }

  /** In registration order. */
  public List<NativeContract> all() {
    return List.copyOf(byAddress.values());
  }
}

package org.ailedger.node.execution.evm;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ailedger.evm.hash.Keccak256;
import org.ailedger.evm.state.AccountSnapshot;
import org.ailedger.evm.state.Address;
import org.ailedger.evm.state.StateReader;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/** A state test's {@code pre} accounts, read by the EVM as its committed state. */
final class PreState implements StateReader {
  private final Map<Address, TestAccount> accounts;
  private final Map<Bytes32, Bytes> codeByHash = new HashMap<>();

  /** Addresses the EVM looked up, to tell which cases reached a precompile's address. */
  private final Set<Address> lookedUp = ConcurrentHashMap.newKeySet();

  PreState(Map<Address, TestAccount> accounts) {
    this.accounts = Map.copyOf(accounts);
    for (TestAccount account : accounts.values()) {
      codeByHash.put(Keccak256.hash(account.code()), account.code());
    }
  }

  /** Whether the EVM looked up one of the addresses 0x01..0x0a (Cancun's precompiles). */
  boolean reachedPrecompileAddress() {
    return lookedUp.stream()
        .anyMatch(
            a ->
                a.bytes().slice(0, 19).isZero()
                    && a.bytes().get(19) >= 1
                    && a.bytes().get(19) <= 10);
  }

  void forgetLookups() {
    lookedUp.clear();
  }

  Map<Address, TestAccount> accounts() {
    return accounts;
  }

  @Override
  public Optional<AccountSnapshot> account(Address address) {
    lookedUp.add(address);
    TestAccount a = accounts.get(address);
    return a == null
        ? Optional.empty()
        : Optional.of(new AccountSnapshot(a.nonce(), a.balance(), Keccak256.hash(a.code())));
  }

  @Override
  public UInt256 storage(Address address, UInt256 key) {
    TestAccount a = accounts.get(address);
    return a == null ? UInt256.ZERO : a.storage().getOrDefault(key, UInt256.ZERO);
  }

  @Override
  public Bytes code(Bytes32 codeHash) {
    Bytes code = codeByHash.get(codeHash);
    if (code == null) {
      throw new IllegalArgumentException("no code with hash " + codeHash);
    }
    return code;
  }

  @Override
  public boolean hasStorage(Address address) {
    TestAccount a = accounts.get(address);
    return a != null && a.storage().values().stream().anyMatch(v -> !v.isZero());
  }
}

package org.ailedger.node.execution.evm;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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

  PreState(Map<Address, TestAccount> accounts) {
    this.accounts = Map.copyOf(accounts);
    for (TestAccount account : accounts.values()) {
      codeByHash.put(Keccak256.hash(account.code()), account.code());
    }
  }

  Map<Address, TestAccount> accounts() {
    return accounts;
  }

  @Override
  public Optional<AccountSnapshot> account(Address address) {
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

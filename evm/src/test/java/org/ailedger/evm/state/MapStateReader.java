package org.ailedger.evm.state;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.ailedger.evm.hash.Keccak256;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/** Committed state for tests: accounts, code and slots in maps. */
public final class MapStateReader implements StateReader {
  private final Map<Address, AccountSnapshot> accounts = new HashMap<>();
  private final Map<Bytes32, Bytes> code = new HashMap<>();
  private final Map<Address, Map<UInt256, UInt256>> storage = new HashMap<>();

  public MapStateReader account(Address address, long nonce, long balance, Bytes accountCode) {
    Bytes32 hash = Keccak256.hash(accountCode);
    code.put(hash, accountCode);
    accounts.put(address, new AccountSnapshot(nonce, UInt256.valueOf(balance), hash));
    return this;
  }

  public MapStateReader slot(Address address, long key, long value) {
    storage
        .computeIfAbsent(address, a -> new HashMap<>())
        .put(UInt256.valueOf(key), UInt256.valueOf(value));
    return this;
  }

  @Override
  public Optional<AccountSnapshot> account(Address address) {
    return Optional.ofNullable(accounts.get(address));
  }

  @Override
  public UInt256 storage(Address address, UInt256 key) {
    return storage.getOrDefault(address, Map.of()).getOrDefault(key, UInt256.ZERO);
  }

  @Override
  public Bytes code(Bytes32 codeHash) {
    return code.getOrDefault(codeHash, Bytes.EMPTY);
  }

  @Override
  public boolean hasStorage(Address address) {
    return !storage.getOrDefault(address, Map.of()).isEmpty();
  }
}

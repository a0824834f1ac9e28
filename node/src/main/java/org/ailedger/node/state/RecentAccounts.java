package org.ailedger.node.state;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Accounts read lately, by state root and address: a balance or nonce asked again and again at the
 * head (wallets poll, the pool checks every sender) would otherwise walk and decode the trie from
 * its root each time. A root names one state forever, so an entry never goes stale. The bound is
 * two generations of {@link #GENERATION} entries; when the young one fills it becomes the old one
 * and the old one is dropped whole, which costs a read nothing, unlike an LRU's bookkeeping.
 */
final class RecentAccounts {
  static final int GENERATION = 4096;

  private record Key(Bytes32 root, Address address) {}

  private volatile ConcurrentHashMap<Key, Optional<Account>> young = new ConcurrentHashMap<>();
  private volatile ConcurrentHashMap<Key, Optional<Account>> old = new ConcurrentHashMap<>();

  Optional<Account> get(Bytes32 root, Address address, Supplier<Optional<Account>> load) {
    Key key = new Key(root, address);
    Optional<Account> found = young.get(key);
    if (found != null) {
      return found;
    }
    found = old.get(key);
    if (found == null) {
      found = load.get();
    }
    remember(key, found);
    return found;
  }

  private void remember(Key key, Optional<Account> account) {
    ConcurrentHashMap<Key, Optional<Account>> current = young;
    current.put(key, account);
    if (current.size() >= GENERATION) {
      synchronized (this) {
        if (young == current) {
          old = current;
          young = new ConcurrentHashMap<>();
        }
      }
    }
  }
}

package org.ailedger.node.state;

import java.util.Optional;
import java.util.function.Function;
import org.ailedger.node.state.trie.SecureMerklePatriciaTrie;
import org.ailedger.node.state.trie.TrieNodeLoader;
import org.ailedger.node.storage.Column;
import org.ailedger.node.storage.KeyValueStore;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Every committed state, addressed by root. Nothing is pruned, so any block's state can be read
 * ({@code eth_getBalance} at an old block, {@code eth_call} at any height).
 */
public final class WorldStateArchive implements WorldStateReader {
  private final TrieNodeLoader loader;
  private final Function<Bytes32, Optional<Bytes>> storedCode;
  private final RecentAccounts recent = new RecentAccounts();

  public WorldStateArchive(KeyValueStore store) {
    this.loader = hash -> store.get(Column.TRIE_NODES, hash);
    this.storedCode = hash -> store.get(Column.CODE, hash);
  }

  /** A private, mutable copy of the state at {@code root}, for executing a block or a call. */
  public MutableWorldState mutableAt(Bytes32 root) {
    return new MutableWorldState(loader, storedCode, root);
  }

  /** The EVM code of the account at {@code stateRoot}; empty when it has none or does not exist. */
  public Bytes code(Bytes32 stateRoot, Address address) {
    Bytes32 codeHash =
        account(stateRoot, address).map(Account::codeHash).orElse(Account.EMPTY_CODE_HASH);
    if (codeHash.equals(Account.EMPTY_CODE_HASH)) {
      return Bytes.EMPTY;
    }
    return storedCode
        .apply(codeHash)
        .orElseThrow(() -> new IllegalStateException("code " + codeHash + " is not stored"));
  }

  @Override
  public Optional<Account> account(Bytes32 stateRoot, Address address) {
    return recent.get(
        stateRoot,
        address,
        () ->
            new SecureMerklePatriciaTrie(loader, stateRoot)
                .get(address.bytes())
                .map(AccountCodec::decode));
  }

  @Override
  public Bytes32 storageAt(Bytes32 stateRoot, Address address, Bytes32 slot) {
    return account(stateRoot, address)
        .flatMap(a -> new SecureMerklePatriciaTrie(loader, a.storageRoot()).get(slot))
        .map(AccountCodec::decodeSlotValue)
        .orElse(Bytes32.ZERO);
  }
}

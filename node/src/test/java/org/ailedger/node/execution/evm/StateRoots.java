package org.ailedger.node.execution.evm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ailedger.evm.hash.Keccak256;
import org.ailedger.evm.state.AccountChange;
import org.ailedger.evm.state.Address;
import org.ailedger.evm.state.ChangeSet;
import org.ailedger.evm.state.Log;
import org.ailedger.node.state.trie.SecureMerklePatriciaTrie;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.rlp.RLP;
import org.apache.tuweni.units.bigints.UInt256;

/** The post-state root and logs hash a state test expects, computed with the node's trie. */
final class StateRoots {
  private StateRoots() {}

  /** The accounts after applying the EVM's change set to the pre-state. */
  static Map<Address, TestAccount> apply(Map<Address, TestAccount> pre, ChangeSet changes) {
    Map<Address, TestAccount> post = new HashMap<>(pre);
    for (AccountChange change : changes.accounts()) {
      if (change.deleted()) {
        post.remove(change.address());
        continue;
      }
      TestAccount before = pre.get(change.address());
      Map<UInt256, UInt256> storage =
          change.storageCleared() || before == null
              ? new HashMap<>()
              : new HashMap<>(before.storage());
      change
          .storage()
          .forEach(
              (key, value) -> {
                if (value.isZero()) {
                  storage.remove(key);
                } else {
                  storage.put(key, value);
                }
              });
      Bytes code = change.newCode().orElseGet(() -> before == null ? Bytes.EMPTY : before.code());
      post.put(change.address(), new TestAccount(change.nonce(), change.balance(), code, storage));
    }
    return post;
  }

  static Bytes32 stateRoot(Map<Address, TestAccount> accounts) {
    SecureMerklePatriciaTrie state = SecureMerklePatriciaTrie.empty();
    accounts.forEach(
        (address, account) -> {
          SecureMerklePatriciaTrie storage = SecureMerklePatriciaTrie.empty();
          account
              .storage()
              .forEach(
                  (key, value) ->
                      storage.put(
                          key.toBytes(), RLP.encodeValue(value.toBytes().trimLeadingZeros())));
          Bytes32 storageRoot = storage.rootHash();
          state.put(
              address.bytes(),
              RLP.encodeList(
                  w -> {
                    // nonces are unsigned 64-bit
                    w.writeBigInteger(
                        new java.math.BigInteger(Long.toUnsignedString(account.nonce())));
                    w.writeUInt256(account.balance());
                    w.writeValue(storageRoot);
                    w.writeValue(Keccak256.hash(account.code()));
                  }));
        });
    return state.rootHash();
  }

  /** keccak256 of RLP([[address, [topics...], data], ...]). */
  static Bytes32 logsHash(List<Log> logs) {
    return Keccak256.hash(
        RLP.encodeList(
            w ->
                logs.forEach(
                    log ->
                        w.writeList(
                            entry -> {
                              entry.writeValue(log.address().bytes());
                              entry.writeList(t -> log.topics().forEach(t::writeValue));
                              entry.writeValue(log.data());
                            }))));
  }
}

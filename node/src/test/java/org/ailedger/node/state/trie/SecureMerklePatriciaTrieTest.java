package org.ailedger.node.state.trie;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

class SecureMerklePatriciaTrieTest {

  @Test
  void rootIsThatOfAPlainTrieKeyedByKeccak() {
    SecureMerklePatriciaTrie secure = SecureMerklePatriciaTrie.empty();
    MerklePatriciaTrie plain = MerklePatriciaTrie.empty();
    for (String key : new String[] {"do", "dog", "doge", "horse"}) {
      secure.put(text(key), text("value of " + key));
      plain.put(keccak(text(key)), text("value of " + key));
    }

    assertThat(secure.rootHash()).isEqualTo(plain.rootHash());
    assertThat(secure.get(text("dog"))).contains(text("value of dog"));
  }

  @Test
  void removeTakesThePlainKey() {
    SecureMerklePatriciaTrie trie = SecureMerklePatriciaTrie.empty();
    trie.put(text("dog"), text("puppy"));
    trie.remove(text("dog"));

    assertThat(trie.get(text("dog"))).isEmpty();
    assertThat(trie.rootHash()).isEqualTo(MerklePatriciaTrie.EMPTY_ROOT);
  }

  @Test
  void committedTrieReopensAtItsRoot() {
    SecureMerklePatriciaTrie trie = SecureMerklePatriciaTrie.empty();
    for (int i = 0; i < 100; i++) {
      trie.put(Bytes.ofUnsignedInt(i), Bytes.ofUnsignedInt(i + 1000));
    }
    Map<Bytes32, Bytes> store = new HashMap<>();
    trie.commit(store::put);

    SecureMerklePatriciaTrie reopened =
        new SecureMerklePatriciaTrie(hash -> Optional.ofNullable(store.get(hash)), trie.rootHash());
    for (int i = 0; i < 100; i++) {
      assertThat(reopened.get(Bytes.ofUnsignedInt(i))).contains(Bytes.ofUnsignedInt(i + 1000));
    }
  }

  @Test
  void forEachHashedPassesTheHashedKeys() {
    SecureMerklePatriciaTrie trie = SecureMerklePatriciaTrie.empty();
    trie.put(text("dog"), text("puppy"));
    Map<Bytes32, Bytes> seen = new HashMap<>();
    trie.forEachHashed(seen::put);

    assertThat(seen).containsExactly(Map.entry(keccak(text("dog")), text("puppy")));
  }

  private static Bytes32 keccak(Bytes bytes) {
    return Bytes32.wrap(Hash.sha3(bytes.toArrayUnsafe()));
  }

  private static Bytes text(String s) {
    return Bytes.wrap(s.getBytes(StandardCharsets.UTF_8));
  }
}

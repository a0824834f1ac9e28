package org.ailedger.node.state;

import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/** An account as stored in the state trie: RLP([nonce, balance, storageRoot, codeHash]). */
public record Account(long nonce, UInt256 balance, Bytes32 storageRoot, Bytes32 codeHash) {
  /** keccak256 of the empty string: the code hash of every account without code. */
  public static final Bytes32 EMPTY_CODE_HASH =
      Bytes32.fromHexString("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");

  /** keccak256(RLP("")): the root of an empty trie. */
  public static final Bytes32 EMPTY_TRIE_ROOT =
      Bytes32.fromHexString("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");

  public static final Account EMPTY =
      new Account(0, UInt256.ZERO, EMPTY_TRIE_ROOT, EMPTY_CODE_HASH);

  public Account {
    if (nonce < 0 || balance == null || storageRoot == null || codeHash == null) {
      throw new IllegalArgumentException("invalid account");
    }
  }
}

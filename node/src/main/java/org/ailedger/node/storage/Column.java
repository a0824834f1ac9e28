package org.ailedger.node.storage;

import java.nio.charset.StandardCharsets;

/**
 * The key spaces of the node's database, one RocksDB column family each. The family names are
 * spelled out rather than derived from the constant names, because they are on disk: renaming a
 * constant must not orphan a family.
 */
public enum Column {
  /** Block hash → header RLP. */
  HEADERS("headers"),
  /** Block hash → block body. */
  BODIES("bodies"),
  /** Block hash → the block's receipts. */
  RECEIPTS("receipts"),
  /** Block number as 8 bytes big-endian ({@code Bytes.ofUnsignedLong}) → canonical block hash. */
  CANONICAL("canonical"),
  /** Transaction hash → where the transaction sits in the canonical chain. */
  TX_INDEX("tx-index"),
  /** Trie node hash → node RLP. */
  TRIE_NODES("trie-nodes"),
  /**
   * keccak256 of EVM contract code → the code; written in the batch of the block that deploys it.
   */
  CODE("code"),
  /** Named singletons such as the head block hash. */
  METADATA("metadata");

  private final String familyName;

  Column(String familyName) {
    this.familyName = familyName;
  }

  /** The RocksDB column family name. */
  public String familyName() {
    return familyName;
  }

  byte[] familyNameBytes() {
    return familyName.getBytes(StandardCharsets.UTF_8);
  }
}

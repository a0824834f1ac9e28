package org.ailedger.node.execution;

import org.apache.tuweni.bytes.Bytes32;

/**
 * Canonical block hashes by number, for the EVM's BLOCKHASH. QBFT blocks are final, so the
 * canonical chain is the only one a block or a call can descend from.
 */
@FunctionalInterface
public interface BlockHashes {
  /** Zero when no such block is known. */
  Bytes32 hashOf(long number);

  BlockHashes NONE = number -> Bytes32.ZERO;
}

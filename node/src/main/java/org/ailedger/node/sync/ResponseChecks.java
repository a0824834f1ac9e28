package org.ailedger.node.sync;

import java.util.List;
import java.util.Optional;
import org.ailedger.node.block.BlockBody;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.block.Roots;
import org.ailedger.node.tx.Transaction;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Whether a peer's response answers the request it claims to answer. Passing here only means the
 * response is what was asked for; seals, transactions and execution are the importer's to check.
 */
final class ResponseChecks {
  private ResponseChecks() {}

  /**
   * Headers asked from {@code first} onwards, at most {@code limit}: they must start at {@code
   * first}, extend {@code parentHash}, and form a chain of consecutive numbers.
   */
  static Optional<String> headers(
      List<BlockHeader> headers, long first, Bytes32 parentHash, int limit) {
    if (headers.size() > limit) {
      return Optional.of("asked " + limit + " headers, got " + headers.size());
    }
    long expected = first;
    Bytes32 parent = parentHash;
    for (BlockHeader header : headers) {
      if (header.number() != expected) {
        return Optional.of("expected header " + expected + ", got " + header.number());
      }
      if (!header.parentHash().equals(parent)) {
        return Optional.of("header " + expected + " does not extend the previous one");
      }
      parent = header.hash();
      expected++;
    }
    return Optional.empty();
  }

  /**
   * Bodies for {@code asked} in order, at most one per header: each body's transactions must have
   * its header's transactions root. (A QBFT body has no ommers; its decoding already insists.)
   */
  static Optional<String> bodies(List<BlockHeader> asked, List<BlockBody> bodies) {
    if (bodies.size() > asked.size()) {
      return Optional.of("asked " + asked.size() + " bodies, got " + bodies.size());
    }
    for (int i = 0; i < bodies.size(); i++) {
      BlockHeader header = asked.get(i);
      Bytes32 root = Roots.indexedRoot(bodies.get(i).transactions(), Transaction::encoded);
      if (!root.equals(header.transactionsRoot())) {
        return Optional.of(
            "body " + i + " does not match the transactions root of block " + header.number());
      }
    }
    return Optional.empty();
  }
}

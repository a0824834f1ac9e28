package org.ailedger.precompiles.provenance;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import org.ailedger.precompiles.ContractRevert;
import org.ailedger.precompiles.gas.GasMeter;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Looks for a revoked dataset among a dataset and its ancestors, breadth-first, so the nearest
 * revoked ancestor is the one reported. Lineage is a DAG (a parent always exists before its child),
 * but a dataset can be reached along many paths, so a visited set keeps each one to one visit.
 *
 * <p>The walk stops at the first revoked dataset it meets: a tainted answer is certain as soon as
 * one is found. A clean answer needs the whole lineage, which must fit in {@link
 * DataProvenance#MAX_LINEAGE_NODES} datasets (the start included), or the walk reverts. Each
 * visited dataset costs {@link DataProvenance#LINEAGE_HOP_GAS} on top of its metered slot reads.
 */
final class LineageWalk {
  private LineageWalk() {}

  static Optional<Bytes32> firstRevoked(ProvenanceLayout layout, GasMeter gas, Bytes32 start) {
    Set<Bytes32> visited = new HashSet<>();
    Queue<Bytes32> queue = new ArrayDeque<>();
    visited.add(start);
    queue.add(start);
    while (!queue.isEmpty()) {
      Bytes32 dataset = queue.remove();
      gas.charge(DataProvenance.LINEAGE_HOP_GAS);
      if (layout.revoked(dataset)) {
        return Optional.of(dataset);
      }
      for (Bytes32 parent : layout.parents(dataset)) {
        if (visited.add(parent)) {
          if (visited.size() > DataProvenance.MAX_LINEAGE_NODES) {
            throw new ContractRevert(
                "lineage of "
                    + start.toHexString()
                    + " exceeds "
                    + DataProvenance.MAX_LINEAGE_NODES
                    + " datasets");
          }
          queue.add(parent);
        }
      }
    }
    return Optional.empty();
  }
}

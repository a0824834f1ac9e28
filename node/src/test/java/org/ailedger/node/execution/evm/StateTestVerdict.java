package org.ailedger.node.execution.evm;

import java.util.List;
import org.ailedger.evm.state.WorldState;
import org.ailedger.evm.tx.TransactionProcessor;
import org.ailedger.evm.tx.TransactionResult;
import org.apache.tuweni.bytes.Bytes32;

/** Runs one state-test case and says what differs from the expectation ("" when nothing). */
final class StateTestVerdict {
  private StateTestVerdict() {}

  static String of(StateTestCase c, TransactionProcessor processor) {
    if (c.transaction().isEmpty()) {
      return c.expectedException().isPresent() ? "" : "transaction fields out of range";
    }
    WorldState state = new WorldState(c.pre());
    TransactionResult result = processor.process(c.transaction().get(), c.block(), state);
    return switch (result) {
      case TransactionResult.Rejected rejected -> {
        if (c.expectedException().isEmpty()) {
          yield "rejected as " + rejected.reason() + " but valid";
        }
        Bytes32 root = StateRoots.stateRoot(c.pre().accounts());
        yield root.equals(c.expectedRoot()) ? "" : "pre-state root differs " + root;
      }
      case TransactionResult.Executed executed -> {
        if (c.expectedException().isPresent()) {
          yield "executed but expected " + c.expectedException().get();
        }
        Bytes32 root =
            StateRoots.stateRoot(StateRoots.apply(c.pre().accounts(), state.changeSet()));
        Bytes32 logs = StateRoots.logsHash(executed.success() ? executed.logs() : List.of());
        if (!root.equals(c.expectedRoot())) {
          yield "state root " + root + " expected " + c.expectedRoot() + " (" + executed + ")";
        }
        yield logs.equals(c.expectedLogsHash()) ? "" : "logs hash " + logs;
      }
    };
  }
}

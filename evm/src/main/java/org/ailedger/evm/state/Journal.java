package org.ailedger.evm.state;

import java.util.ArrayList;
import java.util.List;

/**
 * Undo actions recorded as state changes, so a failed call frame reverts exactly what it did. A
 * snapshot is the journal's length; reverting runs the newer undo actions newest first.
 */
final class Journal {
  private final List<Runnable> undo = new ArrayList<>();

  void record(Runnable undoAction) {
    undo.add(undoAction);
  }

  int snapshot() {
    return undo.size();
  }

  void revertTo(int snapshot) {
    if (snapshot > undo.size()) {
      throw new IllegalStateException("snapshot " + snapshot + " is newer than the journal");
    }
    for (int i = undo.size() - 1; i >= snapshot; i--) {
      undo.remove(i).run();
    }
  }

  void clear() {
    undo.clear();
  }
}

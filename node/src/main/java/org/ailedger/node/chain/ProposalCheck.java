package org.ailedger.node.chain;

import org.ailedger.node.execution.ExecutedBlock;

/** Whether an unsealed block may follow the head: its execution, or why not. */
public sealed interface ProposalCheck {
  record Executed(ExecutedBlock executed) implements ProposalCheck {
    public Executed {
      if (executed == null) {
        throw new IllegalArgumentException("an executed proposal needs its execution");
      }
    }
  }

  record Rejected(BlockRejection rejection) implements ProposalCheck {
    public Rejected {
      if (rejection == null) {
        throw new IllegalArgumentException("a rejected proposal needs its rejection");
      }
    }
  }
}

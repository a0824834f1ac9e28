package org.ailedger.node.txpool;

import org.ailedger.node.tx.RejectionReason;
import org.ailedger.node.tx.TransactionRejection;
import org.ailedger.types.Address;

/** The outcome of {@link TransactionAdmission}: the recovered sender, or why the tx is refused. */
public sealed interface AdmissionResult {
  record Admitted(Address sender) implements AdmissionResult {
    public Admitted {
      if (sender == null) {
        throw new IllegalArgumentException("an admitted transaction has a sender");
      }
    }
  }

  record Refused(TransactionRejection rejection) implements AdmissionResult {
    public Refused {
      if (rejection == null) {
        throw new IllegalArgumentException("a refusal has a rejection");
      }
    }
  }

  static AdmissionResult admitted(Address sender) {
    return new Admitted(sender);
  }

  static AdmissionResult refused(RejectionReason reason, String message) {
    return new Refused(new TransactionRejection(reason, message));
  }
}

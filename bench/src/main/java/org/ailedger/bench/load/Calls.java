package org.ailedger.bench.load;

import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;

/** What each load transaction calls, by sender and by its position in the sender's sequence. */
public interface Calls {
  long gasLimit();

  Address to(int sender, int index);

  Bytes data(int sender, int index);
}

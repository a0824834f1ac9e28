package org.ailedger.node.rpc;

import org.ailedger.node.txpool.SubmitResult;
import org.apache.tuweni.bytes.Bytes;

/**
 * Decodes a signed transaction envelope and offers it to the pool. Bytes that do not decode come
 * back as {@code SubmitResult.Rejected} with {@code RejectionReason.MALFORMED}, never as an
 * exception, so a client's typo is answered like any other rejection.
 */
public interface RawTransactionSubmitter {
  SubmitResult submitRaw(Bytes raw);
}

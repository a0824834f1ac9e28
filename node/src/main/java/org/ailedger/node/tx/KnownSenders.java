package org.ailedger.node.tx;

import java.util.Optional;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Senders already recovered for transactions this node holds, by transaction hash. The hash covers
 * the whole signed envelope, so a transaction with the same hash has the same sender, and the
 * stateless rules it passed are the same rules.
 */
@FunctionalInterface
public interface KnownSenders {
  Optional<Address> senderOf(Bytes32 transactionHash);

  KnownSenders NONE = hash -> Optional.empty();
}

package org.ailedger.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.web3j.crypto.Hash;

/**
 * The workloads that need no preparation: each sender works on its neighbour, so every transaction
 * touches two accounts.
 */
record PeerCalls(Workload workload, List<Address> senders) implements Calls {
  private static final Bytes IS_ACCOUNT_ALLOWED =
      Bytes.wrap(Hash.sha3("isAccountAllowed(address)".getBytes(StandardCharsets.US_ASCII)))
          .slice(0, 4);

  PeerCalls {
    if (workload != Workload.TRANSFER && workload != Workload.PERMISSION_CHECK) {
      throw new IllegalArgumentException(workload + " is not a peer workload");
    }
    senders = List.copyOf(senders);
  }

  @Override
  public long gasLimit() {
    return workload == Workload.TRANSFER ? 21_000 : 30_000;
  }

  @Override
  public Address to(int sender, int index) {
    return switch (workload) {
      case PERMISSION_CHECK -> NativeAddresses.PERMISSIONS;
      default -> peer(sender);
    };
  }

  @Override
  public Bytes data(int sender, int index) {
    return switch (workload) {
      case PERMISSION_CHECK -> Bytes.concatenate(IS_ACCOUNT_ALLOWED, peer(sender).toWord());
      default -> Bytes.EMPTY;
    };
  }

  private Address peer(int sender) {
    return senders.get((sender + 1) % senders.size());
  }
}

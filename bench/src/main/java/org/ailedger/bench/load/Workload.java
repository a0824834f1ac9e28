package org.ailedger.bench.load;

import java.nio.charset.StandardCharsets;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.web3j.crypto.Hash;

/**
 * What each load transaction does. Both always succeed, so every committed transaction is useful
 * work and no receipt reports a failure the node did not cause.
 */
public enum Workload {
  /** A zero-value transfer to the next sender: signature, nonce and balance work only. */
  TRANSFER(21_000),
  /**
   * {@code Permissions.isAccountAllowed(next sender)} sent as a transaction: adds a native contract
   * call and its storage reads to the transfer's work.
   */
  PERMISSION_CHECK(30_000);

  private static final Bytes IS_ACCOUNT_ALLOWED =
      Bytes.wrap(Hash.sha3("isAccountAllowed(address)".getBytes(StandardCharsets.US_ASCII)))
          .slice(0, 4);

  private final long gasLimit;

  Workload(long gasLimit) {
    this.gasLimit = gasLimit;
  }

  public long gasLimit() {
    return gasLimit;
  }

  /** The recipient of a transaction whose work concerns {@code peer}. */
  public Address to(Address peer) {
    return switch (this) {
      case TRANSFER -> peer;
      case PERMISSION_CHECK -> NativeAddresses.PERMISSIONS;
    };
  }

  public Bytes data(Address peer) {
    return switch (this) {
      case TRANSFER -> Bytes.EMPTY;
      case PERMISSION_CHECK -> Bytes.concatenate(IS_ACCOUNT_ALLOWED, peer.toWord());
    };
  }
}

package org.ailedger.bench.load;

/**
 * What each load transaction does. Each always succeeds, so every committed transaction is useful
 * work and no receipt reports a failure the node did not cause.
 */
public enum Workload {
  /** A zero-value transfer to the next sender: signature, nonce and balance work only. */
  TRANSFER,
  /**
   * {@code Permissions.isAccountAllowed(next sender)} sent as a transaction: adds a native contract
   * call and its storage reads to the transfer's work.
   */
  PERMISSION_CHECK,
  /**
   * {@code ModelRegistry.submitUpdate} citing one attested dataset: the ledger's main write, with
   * the role check, the open-round and deadline checks, the taint walk and two events. One
   * submission per contributor per round means a sender's k-th transaction goes to the k-th of as
   * many models as each sender sends; {@link RoundSetup} registers them and opens their rounds
   * before the run, and sets the gas limit from the node's estimate. On anvil, which has no native
   * contracts, {@link SolidityLedger} first deploys their Solidity versions.
   */
  SUBMIT_UPDATE;

  /** The name as the command line takes it: lower case with dashes. */
  public String optionName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}

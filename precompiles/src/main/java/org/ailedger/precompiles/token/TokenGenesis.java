package org.ailedger.precompiles.token;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ailedger.precompiles.ContractStorage;
import org.ailedger.precompiles.SlotStore;
import org.ailedger.precompiles.permissions.PermissionsView;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Writes the genesis allocation into block 0's state: balances, total supply, member aggregates and
 * Q, each as a checkpoint at block 0. It runs outside any call: no caller check, no gas, no logs.
 * Permissions must be seeded first, because every holder must be a permitted account and its member
 * decides which aggregate its tokens count towards.
 */
public final class TokenGenesis {
  private static final long GENESIS_BLOCK = 0;

  private TokenGenesis() {}

  /**
   * @throws IllegalArgumentException if a holder is not a permitted account or the allocation
   *     exceeds {@link TokenLedger#MAX_SUPPLY}; nothing is written then
   * @throws IllegalStateException if the token's storage in {@code store} is not empty
   */
  public static void seed(SlotStore store, Map<Address, UInt256> allocation) {
    if (store == null || allocation == null) {
      throw new IllegalArgumentException("store and allocation are required");
    }
    TokenLayout layout = new TokenLayout(ContractStorage.direct(store, TokenLedger.ADDRESS));
    if (layout.totalSupply().length() != 0) {
      throw new IllegalStateException("ContributionToken is already seeded in this state");
    }
    PermissionsView permissions = PermissionsView.of(store);
    // sorted, so that the validation error a misconfigured genesis gets is the same on every node
    Map<Address, UInt256> sorted = new TreeMap<>(allocation);
    Map<Address, Bytes32> members = new TreeMap<>();
    UInt256 total = UInt256.ZERO;
    for (Map.Entry<Address, UInt256> entry : sorted.entrySet()) {
      Address holder = entry.getKey();
      UInt256 amount = entry.getValue();
      if (amount == null) {
        throw new IllegalArgumentException("genesis allocation of " + holder + " has no amount");
      }
      members.put(
          holder,
          permissions
              .memberOf(holder)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "genesis allocation to "
                              + holder
                              + ", which is not a permitted account")));
      if (amount.compareTo(TokenLedger.MAX_SUPPLY.subtract(total)) > 0) {
        throw new IllegalArgumentException(
            "genesis allocation exceeds the maximum supply 2^192 - 1 at holder " + holder);
      }
      total = total.add(amount);
    }
    sorted.forEach(
        (holder, amount) ->
            layout.mint(holder, Optional.of(members.get(holder)), amount, GENESIS_BLOCK));
  }
}

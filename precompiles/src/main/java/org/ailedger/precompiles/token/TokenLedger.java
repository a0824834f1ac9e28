package org.ailedger.precompiles.token;

import static org.ailedger.precompiles.abi.AbiValues.address;
import static org.ailedger.precompiles.abi.AbiValues.uint256;

import java.util.Optional;
import org.ailedger.precompiles.ContractRevert;
import org.ailedger.precompiles.ContractState;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.precompiles.permissions.PermissionsView;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * The token's rules, for its ABI functions and for the Java code of other native contracts: the
 * ModelRegistry mints rewards, Permissions reports membership changes, the governor reads voting
 * weights at a past block. Obtained with {@link #of}, which redirects any contract's state to the
 * token's, so the token sees the calling contract as its caller and can check it.
 *
 * <p>Rules: only the ModelRegistry mints; tokens go only to permitted accounts (a removed account
 * keeps what it holds and may still send it); a member's raw balance is the sum over its permitted
 * accounts; "past" queries answer for blocks strictly before the current one, whose values can no
 * longer change.
 */
public final class TokenLedger {
  public static final Address ADDRESS = NativeAddresses.CONTRIBUTION_TOKEN;

  /** The only contract that mints after genesis: it pays round rewards. */
  public static final Address MINTER = NativeAddresses.MODEL_REGISTRY;

  /**
   * The bound on total supply, 2^192 - 1 base units (over 6 * 10^39 tokens): every balance and
   * aggregate then fits a checkpoint's 192-bit value, which keeps each checkpoint to one slot.
   */
  public static final UInt256 MAX_SUPPLY = Checkpoints.MAX_VALUE;

  private static final long MINT_GAS = 1_000;
  private static final long MEMBERSHIP_GAS = 500;

  private final ContractState state;
  private final TokenLayout layout;

  private TokenLedger(ContractState state) {
    this.state = state;
    this.layout = new TokenLayout(state);
  }

  /**
   * From any native contract's state in a call; it is redirected to the token's own state, whose
   * caller is then the contract passed in (or the transaction sender for the token's own state).
   */
  public static TokenLedger of(ContractState state) {
    return new TokenLedger(state.contract(ADDRESS));
  }

  /**
   * Like {@link #of}, but empty when the chain runs no token at all, as a chain assembled for
   * Permissions alone: Permissions reports membership changes through this, and without a token
   * there are no balances to move. The standard contract set always includes the token.
   */
  public static Optional<TokenLedger> ifDeployed(ContractState state) {
    ContractState token;
    try {
      token = state.contract(ADDRESS);
    } catch (IllegalArgumentException noTokenOnThisChain) {
      return Optional.empty();
    }
    return Optional.of(new TokenLedger(token));
  }

  public UInt256 totalSupply() {
    return layout.totalSupply().latest();
  }

  public UInt256 balanceOf(Address account) {
    return layout.balances(account).latest();
  }

  public UInt256 allowance(Address owner, Address spender) {
    return layout.allowance(owner, spender);
  }

  /** raw(m): the sum of the balances of the member's permitted accounts. */
  public UInt256 memberBalance(Bytes32 memberId) {
    return layout.memberBalances(memberId).latest();
  }

  /** Q: the sum over all members of isqrt(raw(m)). */
  public UInt256 quadraticTotal() {
    return layout.quadraticTotal().latest();
  }

  /** The balance at the end of {@code block}, which must be before the current block. */
  public UInt256 pastBalance(Address account, long block) {
    return layout.balances(account).valueAt(mined(block));
  }

  public UInt256 pastTotalSupply(long block) {
    return layout.totalSupply().valueAt(mined(block));
  }

  public UInt256 pastMemberBalance(Bytes32 memberId, long block) {
    return layout.memberBalances(memberId).valueAt(mined(block));
  }

  public UInt256 pastQuadraticTotal(long block) {
    return layout.quadraticTotal().valueAt(mined(block));
  }

  /**
   * Mints {@code amount} to {@code to} and emits a Transfer from the zero address. A zero amount is
   * allowed (a pro-rata share can round down to nothing) and changes no balance.
   */
  public void mint(Address to, UInt256 amount) {
    Address caller = state.context().caller();
    if (!caller.equals(MINTER)) {
      throw new ContractRevert(
          "only the ModelRegistry "
              + MINTER
              + " may mint "
              + ContributionToken.SYMBOL
              + "; caller was "
              + caller);
    }
    state.gas().charge(MINT_GAS);
    Bytes32 member = permittedMember(to, "mint recipient");
    UInt256 supply = totalSupply();
    if (amount.compareTo(MAX_SUPPLY.subtract(supply)) > 0) {
      throw new ContractRevert(
          "minting "
              + amount.toDecimalString()
              + " would raise the total supply "
              + supply.toDecimalString()
              + " above the maximum 2^192 - 1");
    }
    layout.mint(to, Optional.of(member), amount, block());
    TokenEvents.TRANSFER.emit(state, address(Address.ZERO), address(to), uint256(amount));
  }

  /**
   * Moves the account's balance from its old member's aggregate to its new one's (either may be
   * empty: not permitted), updating Q. Only Permissions calls this, whenever it adds or removes an
   * account; its AccountAdded and AccountRemoved events tell an indexer about the move.
   */
  public void membershipChanged(
      Address account, Optional<Bytes32> oldMember, Optional<Bytes32> newMember) {
    Address caller = state.context().caller();
    if (!caller.equals(NativeAddresses.PERMISSIONS)) {
      throw new ContractRevert(
          "only Permissions "
              + NativeAddresses.PERMISSIONS
              + " may report membership changes to "
              + ContributionToken.NAME
              + "; caller was "
              + caller);
    }
    state.gas().charge(MEMBERSHIP_GAS);
    layout.moveMembership(account, oldMember, newMember, block());
  }

  /** ERC-20 {@code transfer}: from the caller. */
  void transfer(Address to, UInt256 amount) {
    move(state.context().caller(), to, amount);
  }

  /** ERC-20 {@code approve}: the caller lets {@code spender} move up to {@code amount}. */
  void approve(Address spender, UInt256 amount) {
    Address owner = state.context().caller();
    if (spender.equals(Address.ZERO)) {
      throw new ContractRevert("the zero address cannot be approved as a spender");
    }
    layout.setAllowance(owner, spender, amount);
    TokenEvents.APPROVAL.emit(state, address(owner), address(spender), uint256(amount));
  }

  /**
   * ERC-20 {@code transferFrom}: the caller spends allowance {@code from} gave it. An allowance of
   * 2^256 - 1 is unlimited and is not spent down, as wallets expect.
   */
  void transferFrom(Address from, Address to, UInt256 amount) {
    Address spender = state.context().caller();
    UInt256 allowed = layout.allowance(from, spender);
    if (allowed.compareTo(amount) < 0) {
      throw new ContractRevert(
          "transfer amount "
              + amount.toDecimalString()
              + " exceeds the allowance "
              + allowed.toDecimalString()
              + " that "
              + from
              + " gave "
              + spender);
    }
    if (!allowed.equals(UInt256.MAX_VALUE)) {
      UInt256 remaining = allowed.subtract(amount);
      layout.setAllowance(from, spender, remaining);
      TokenEvents.APPROVAL.emit(state, address(from), address(spender), uint256(remaining));
    }
    move(from, to, amount);
  }

  private void move(Address from, Address to, UInt256 amount) {
    Bytes32 toMember = permittedMember(to, "recipient");
    UInt256 balance = balanceOf(from);
    if (balance.compareTo(amount) < 0) {
      throw new ContractRevert(
          "transfer amount "
              + amount.toDecimalString()
              + " exceeds the balance "
              + balance.toDecimalString()
              + " of "
              + from);
    }
    Optional<Bytes32> fromMember = permissions().memberOf(from);
    layout.transfer(from, fromMember, to, Optional.of(toMember), amount, block());
    TokenEvents.TRANSFER.emit(state, address(from), address(to), uint256(amount));
  }

  private Bytes32 permittedMember(Address account, String role) {
    return permissions()
        .memberOf(account)
        .orElseThrow(
            () -> new ContractRevert(role + " " + account + " is not a permitted account"));
  }

  private PermissionsView permissions() {
    return PermissionsView.of(state);
  }

  private long block() {
    return state.context().blockNumber();
  }

  /** {@code block} if its values are final, i.e. it is before the block being executed. */
  private long mined(long block) {
    if (block < 0) {
      throw new IllegalArgumentException("block number < 0: " + block);
    }
    if (block >= block()) {
      throw new ContractRevert("block " + block + " is not yet mined");
    }
    return block;
  }

  /** The ABI's uint256 block argument, refused like any other future block when out of range. */
  static long mined(ContractState state, UInt256 block) {
    if (!block.fitsLong() || block.toLong() >= state.context().blockNumber()) {
      throw new ContractRevert("block " + block.toDecimalString() + " is not yet mined");
    }
    return block.toLong();
  }
}

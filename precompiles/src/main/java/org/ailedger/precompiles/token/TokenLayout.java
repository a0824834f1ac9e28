package org.ailedger.precompiles.token;

import static org.ailedger.precompiles.storage.StorageSlots.mapping;
import static org.ailedger.precompiles.storage.StorageSlots.slot;

import java.util.Optional;
import org.ailedger.precompiles.ContractStorage;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Where the token keeps what, and the raw updates that keep balances, total supply, member
 * aggregates and Q consistent with each other. Rules (who may call, who may receive, balance and
 * allowance checks) live in {@link TokenLedger} and {@link TokenGenesis}; this class assumes they
 * were checked. See {@link ContributionToken} for the layout.
 *
 * <p>The member of an account is passed in by the caller, who reads it from Permissions: empty for
 * an account that is not permitted (any more), whose balance then counts towards no member.
 */
final class TokenLayout {
  static final Bytes32 BALANCES = slot(0);
  static final Bytes32 ALLOWANCES = slot(1);
  static final Bytes32 TOTAL_SUPPLY = slot(2);
  static final Bytes32 MEMBER_BALANCES = slot(3);
  static final Bytes32 QUADRATIC_TOTAL = slot(4);

  private final ContractStorage storage;

  TokenLayout(ContractStorage storage) {
    this.storage = storage;
  }

  Checkpoints balances(Address account) {
    return new Checkpoints(storage, mapping(BALANCES, account));
  }

  Checkpoints totalSupply() {
    return new Checkpoints(storage, TOTAL_SUPPLY);
  }

  Checkpoints memberBalances(Bytes32 memberId) {
    return new Checkpoints(storage, mapping(MEMBER_BALANCES, memberId));
  }

  Checkpoints quadraticTotal() {
    return new Checkpoints(storage, QUADRATIC_TOTAL);
  }

  UInt256 allowance(Address owner, Address spender) {
    return UInt256.fromBytes(storage.load(allowanceSlot(owner, spender)));
  }

  void setAllowance(Address owner, Address spender, UInt256 amount) {
    storage.store(allowanceSlot(owner, spender), amount.toBytes());
  }

  /** New tokens for {@code to}; the caller has checked the supply bound. */
  void mint(Address to, Optional<Bytes32> member, UInt256 amount, long block) {
    Checkpoints supply = totalSupply();
    supply.record(block, supply.latest().add(amount));
    credit(to, member, amount, block);
  }

  /**
   * Moves {@code amount} from one account to another; the caller has checked the balance. Member
   * aggregates change only when the tokens cross from one member to another, so moving tokens
   * between one member's own accounts leaves its weight and Q untouched.
   */
  void transfer(
      Address from,
      Optional<Bytes32> fromMember,
      Address to,
      Optional<Bytes32> toMember,
      UInt256 amount,
      long block) {
    if (amount.isZero() || from.equals(to)) {
      return;
    }
    Checkpoints source = balances(from);
    source.record(block, subtract(source.latest(), amount, "balance of " + from));
    Checkpoints target = balances(to);
    target.record(block, target.latest().add(amount));
    if (!fromMember.equals(toMember)) {
      fromMember.ifPresent(m -> changeMember(m, amount, false, block));
      toMember.ifPresent(m -> changeMember(m, amount, true, block));
    }
  }

  /** Moves the whole balance of {@code account} from one member's aggregate to another's. */
  void moveMembership(
      Address account, Optional<Bytes32> oldMember, Optional<Bytes32> newMember, long block) {
    if (oldMember.equals(newMember)) {
      return;
    }
    UInt256 balance = balances(account).latest();
    if (balance.isZero()) {
      return;
    }
    oldMember.ifPresent(m -> changeMember(m, balance, false, block));
    newMember.ifPresent(m -> changeMember(m, balance, true, block));
  }

  private void credit(Address account, Optional<Bytes32> member, UInt256 amount, long block) {
    Checkpoints balance = balances(account);
    balance.record(block, balance.latest().add(amount));
    member.ifPresent(m -> changeMember(m, amount, true, block));
  }

  /** Changes raw(m) and replaces its old square root in Q by the new one. */
  private void changeMember(Bytes32 memberId, UInt256 amount, boolean increase, long block) {
    Checkpoints raw = memberBalances(memberId);
    UInt256 before = raw.latest();
    UInt256 after =
        increase
            ? before.add(amount)
            : subtract(before, amount, "raw balance of member " + memberId);
    raw.record(block, after);
    Checkpoints quadratic = quadraticTotal();
    UInt256 total = quadratic.latest();
    UInt256 withoutMember = subtract(total, QuadraticWeight.of(before), "quadratic total");
    quadratic.record(block, withoutMember.add(QuadraticWeight.of(after)));
  }

  private Bytes32 allowanceSlot(Address owner, Address spender) {
    return mapping(mapping(ALLOWANCES, owner), spender);
  }

  /** Subtraction the rules have made safe; an underflow means the books are corrupt. */
  private static UInt256 subtract(UInt256 from, UInt256 amount, String what) {
    if (from.compareTo(amount) < 0) {
      throw new IllegalStateException(
          what + " is " + from.toDecimalString() + ", cannot subtract " + amount.toDecimalString());
    }
    return from.subtract(amount);
  }
}

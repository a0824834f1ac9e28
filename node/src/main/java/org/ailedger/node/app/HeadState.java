package org.ailedger.node.app;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.state.Account;
import org.ailedger.node.state.WorldStateReader;
import org.ailedger.node.txpool.SenderStateView;
import org.ailedger.precompiles.SlotStore;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * The state of the current head, as the pool sees senders and as views read contracts. What the
 * pool asks of a sender (permitted? nonce? balance?) is remembered for the head's state root: a
 * sender's transactions arrive in runs, and each question is otherwise a walk down the state trie
 * from its root, three or four per admitted transaction. A state root's answers never change, so
 * the memo is dropped only when the head moves.
 */
final class HeadState implements SenderStateView {
  /** Senders remembered per head; beyond it answers are read but not kept, until the next head. */
  static final int MAX_REMEMBERED_SENDERS = 8192;

  private final ChainReader chain;
  private final WorldStateReader state;
  private final LedgerBindings bindings;
  private volatile Memo memo = new Memo(Bytes32.ZERO);

  /** Answers at one state root; read and filled by the RPC and eth threads at once. */
  private record Memo(
      Bytes32 root, Map<Address, Account> accounts, Map<Address, Boolean> permitted) {
    Memo(Bytes32 root) {
      this(root, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }

    <V> V remembered(Map<Address, V> answers, Address address, Function<Address, V> read) {
      V known = answers.get(address);
      if (known != null) {
        return known;
      }
      V answer = read.apply(address);
      if (answers.size() < MAX_REMEMBERED_SENDERS) {
        answers.put(address, answer);
      }
      return answer;
    }
  }

  HeadState(ChainReader chain, WorldStateReader state, LedgerBindings bindings) {
    this.chain = chain;
    this.state = state;
    this.bindings = bindings;
  }

  @Override
  public long nonce(Address sender) {
    return account(sender).nonce();
  }

  @Override
  public UInt256 balance(Address sender) {
    return account(sender).balance();
  }

  @Override
  public boolean isPermitted(Address sender) {
    Memo at = memo();
    return at.remembered(
        at.permitted(), sender, a -> bindings.isAccountAllowed(slotsAt(at.root()), a));
  }

  private Account account(Address address) {
    Memo at = memo();
    return at.remembered(
        at.accounts(), address, a -> state.account(at.root(), a).orElse(Account.EMPTY));
  }

  private Memo memo() {
    Bytes32 root = chain.head().stateRoot();
    Memo current = memo;
    if (!current.root().equals(root)) {
      // two threads may both start a memo for a new head; either is right, one is kept
      current = new Memo(root);
      memo = current;
    }
    return current;
  }

  /** Read-only slots of a committed state; writing to them is a bug. */
  SlotStore slotsAt(Bytes32 root) {
    return new SlotStore() {
      @Override
      public Bytes32 load(Address contract, Bytes32 slot) {
        return state.storageAt(root, contract, slot);
      }

      @Override
      public void store(Address contract, Bytes32 slot, Bytes32 value) {
        throw new IllegalStateException("committed state is read-only");
      }
    };
  }
}

package org.ailedger.evm.state;

import java.util.List;

/** Every account a block changed, for the node to apply to its trie. */
public record ChangeSet(List<AccountChange> accounts) {
  public ChangeSet {
    accounts = List.copyOf(accounts);
  }
}

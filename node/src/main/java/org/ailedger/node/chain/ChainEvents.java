package org.ailedger.node.chain;

import java.util.function.Consumer;

/** Subscription to new heads. Listeners run on the committing thread and must not block. */
public interface ChainEvents {
  /** Returns a handle that removes the listener when closed. */
  Registration onBlockAdded(Consumer<BlockAdded> listener);
}

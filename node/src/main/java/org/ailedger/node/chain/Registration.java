package org.ailedger.node.chain;

/** A listener's registration: closing it removes the listener, and removing one cannot fail. */
@FunctionalInterface
public interface Registration extends AutoCloseable {
  @Override
  void close();
}

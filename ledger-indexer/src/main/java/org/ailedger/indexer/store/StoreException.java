package org.ailedger.indexer.store;

/** The store failed: the database is unreachable, full, locked for too long, or refused a write. */
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}

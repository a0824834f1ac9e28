package org.ailedger.node.storage;

/**
 * A failure of the storage engine (disk full, I/O error, corruption, directory in use). Callers
 * cannot repair these locally, so the exception is unchecked; its message names the data directory
 * and the cause in words an operator can act on.
 */
public class StorageException extends RuntimeException {
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  public StorageException(String message) {
    super(message);
  }
}

package org.ailedger.node.genesis;

/** A genesis file that cannot be used, with the field at fault in the message. */
public final class GenesisFileException extends RuntimeException {
  public GenesisFileException(String message) {
    super(message);
  }

  public GenesisFileException(String message, Throwable cause) {
    super(message, cause);
  }
}

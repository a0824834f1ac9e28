package org.ailedger.bench.load;

/** A run that cannot start or go on, with a message for the person running it. */
public final class LoadRunException extends RuntimeException {
  public LoadRunException(String message) {
    super(message);
  }
}

package org.ailedger.cli.client;

/** A ledger command that could not be carried out, with the reason to show the user. */
public final class ClientException extends RuntimeException {
  public ClientException(String message) {
    super(message);
  }
}

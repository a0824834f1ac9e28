package org.ailedger.indexer.ingest;

/**
 * The node could not answer: unreachable, timed out, answered with an error or with something that
 * is not what the JSON-RPC method promises. The ingester recovers by retrying with back-off.
 */
public class NodeException extends Exception {
  public NodeException(String message) {
    super(message);
  }

  public NodeException(String message, Throwable cause) {
    super(message, cause);
  }
}

package org.ailedger.indexer.ingest;

import java.time.Duration;

/**
 * The {@code newHeads} subscription as {@code /v1/health} reports it. It only decides how soon a
 * new block is read (polling goes on regardless), so none of these states is a failure of
 * ingestion.
 */
public sealed interface NewHeadsState {
  /** No {@code --ws} was given: ingestion polls. */
  NewHeadsState NOT_CONFIGURED = new NotConfigured();

  /** Polling only, by choice. */
  record NotConfigured() implements NewHeadsState {}

  /** The first connection or subscription is under way. */
  record Connecting() implements NewHeadsState {}

  /** Subscribed: each new block wakes ingestion. */
  record Connected() implements NewHeadsState {}

  /**
   * The connection was lost or refused; the next attempt follows after {@code retryIn}. Polling
   * covers the gap.
   *
   * @param lastError why the latest attempt failed
   * @param attempt the failed attempts in a row
   */
  record Reconnecting(String lastError, int attempt, Duration retryIn) implements NewHeadsState {
    /** Errors come from the network or the node: cut, so that health stays small. */
    static final int MAX_ERROR_CHARS = 300;

    public Reconnecting {
      if (lastError.length() > MAX_ERROR_CHARS) {
        lastError = lastError.substring(0, MAX_ERROR_CHARS) + "…";
      }
    }
  }
}

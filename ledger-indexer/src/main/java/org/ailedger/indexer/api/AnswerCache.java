package org.ailedger.indexer.api;

import io.vertx.core.buffer.Buffer;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.ailedger.indexer.store.CommitListener;
import org.ailedger.indexer.store.Cursor;

/**
 * The encoded answers of REST reads at the indexed head: every answer is a function of its request
 * and the head it was read at, so until the next batch commits a repeated request is answered
 * without the store.
 *
 * <p>Only the store's writer moves the head ({@link #committed}, wired as its commit listener; the
 * wiring also tells it the stored cursor before ingestion starts). An answer is kept only under the
 * head its own snapshot read, and a commit replaces the whole generation of answers at once, so an
 * answer read before a commit and kept after it lands in the discarded generation and is never
 * served. A cache no writer tells of a head keeps nothing: then every request reads the store.
 *
 * <p>Bounded per head by {@link #MAX_ANSWERS} answers and {@link #MAX_BYTES} bytes; once either is
 * reached, further answers of that head are not kept (the next commit starts empty). Safe for the
 * event loops and the query pool's workers at once.
 */
public final class AnswerCache implements CommitListener {
  /** The most answers kept for one head. */
  public static final int MAX_ANSWERS = 4096;

  /** The most bytes of answers kept for one head (a page holds at most 500 items). */
  public static final long MAX_BYTES = 64L * 1024 * 1024;

  private final int maxAnswers;
  private final long maxBytes;
  private final AtomicReference<Generation> head = new AtomicReference<>();

  public AnswerCache() {
    this(MAX_ANSWERS, MAX_BYTES);
  }

  AnswerCache(int maxAnswers, long maxBytes) {
    if (maxAnswers < 1 || maxBytes < 1) {
      throw new IllegalArgumentException("bounds < 1: " + maxAnswers + ", " + maxBytes);
    }
    this.maxAnswers = maxAnswers;
    this.maxBytes = maxBytes;
  }

  /** The store now reflects {@code cursor}: drops every answer of the previous head. */
  @Override
  public void committed(Cursor cursor) {
    head.set(new Generation(cursor.blockNumber(), cursor.blockHash().toHexString()));
  }

  /** The answer kept for {@code request} at the current head, if that head is {@code minBlock}+. */
  Optional<Buffer> find(String request, long minBlock) {
    Generation at = head.get();
    if (at == null || at.blockNumber < minBlock) {
      return Optional.empty();
    }
    return Optional.ofNullable(at.answers.get(request));
  }

  /**
   * Keeps {@code answer} to {@code request}, read at block {@code blockNumber} with {@code
   * blockHash}, if that is still the head and the bounds allow.
   */
  void keep(String request, long blockNumber, String blockHash, Buffer answer) {
    Generation at = head.get();
    if (at == null || at.blockNumber != blockNumber || !at.blockHash.equals(blockHash)) {
      return;
    }
    if (at.count.incrementAndGet() > maxAnswers || at.bytes.addAndGet(answer.length()) > maxBytes) {
      return;
    }
    at.answers.putIfAbsent(request, answer);
  }

  /** The answers of one head. */
  private static final class Generation {
    final long blockNumber;
    final String blockHash;
    final ConcurrentHashMap<String, Buffer> answers = new ConcurrentHashMap<>();
    // answers and bytes claimed, refused claims included: concurrent keeps never pass the bounds
    final AtomicInteger count = new AtomicInteger();
    final AtomicLong bytes = new AtomicLong();

    Generation(long blockNumber, String blockHash) {
      this.blockNumber = blockNumber;
      this.blockHash = blockHash;
    }
  }
}

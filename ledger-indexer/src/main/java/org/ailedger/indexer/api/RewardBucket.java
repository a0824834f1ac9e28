package org.ailedger.indexer.api;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How rewards are grouped over time: by fixed ranges of blocks, or by UTC day of the block. */
sealed interface RewardBucket {
  /** The largest block range one bucket may span. */
  long MAX_BLOCKS = 1_000_000_000L;

  Pattern BLOCKS = Pattern.compile("blocks:([0-9]{1,10})");

  /** The parameter as a client writes it: {@code blocks:N} or {@code day}. */
  static Optional<RewardBucket> parse(String value) {
    if (value.equals("day")) {
      return Optional.of(new Day());
    }
    Matcher blocks = BLOCKS.matcher(value);
    if (blocks.matches()) {
      long size = Long.parseLong(blocks.group(1));
      if (size >= 1 && size <= MAX_BLOCKS) {
        return Optional.of(new Blocks(size));
      }
    }
    return Optional.empty();
  }

  /** SQL: the bucket number of a reward {@code w} whose block is {@code b}. */
  String key();

  /** Whether {@link #key()} reads the block's timestamp (a join with {@code blocks b}). */
  boolean needsTime();

  /** The bucket's bounds as answered. */
  JsonObject bounds(long key);

  /** Buckets of {@code size} blocks: 0..size-1, size..2·size-1, … */
  record Blocks(long size) implements RewardBucket {
    public Blocks {
      if (size < 1 || size > MAX_BLOCKS) {
        throw new IllegalArgumentException("bucket size outside 1.." + MAX_BLOCKS + ": " + size);
      }
    }

    @Override
    public String key() {
      // a literal, not a parameter: GROUP BY must see the same expression as SELECT
      return "(w.block_number / " + size + ")";
    }

    @Override
    public boolean needsTime() {
      return false;
    }

    @Override
    public JsonObject bounds(long key) {
      return new JsonObject().put("fromBlock", key * size).put("toBlock", key * size + size - 1);
    }
  }

  /** UTC days of the block timestamps. */
  record Day() implements RewardBucket {
    private static final long SECONDS = 86_400;

    @Override
    public String key() {
      return "(b.block_timestamp / " + SECONDS + ")";
    }

    @Override
    public boolean needsTime() {
      return true;
    }

    @Override
    public JsonObject bounds(long key) {
      return new JsonObject()
          .put("day", LocalDate.ofEpochDay(key).toString())
          .put("fromTime", key * SECONDS)
          .put("toTime", key * SECONDS + SECONDS - 1);
    }
  }
}

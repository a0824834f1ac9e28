package org.ailedger.bench.load;

/**
 * A block as the follower saw it.
 *
 * @param timestamp the header's timestamp, in seconds
 * @param transactions all transactions in the block, this run's or not
 * @param observedWallMillis when the follower fetched it
 */
public record BlockRecord(
    long number, long timestamp, int transactions, long gasUsed, long observedWallMillis) {}

package org.ailedger.bench.indexer;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.ailedger.indexer.event.DataProvenanceEvent;
import org.ailedger.indexer.event.DecodedLog;
import org.ailedger.indexer.event.EthAddress;
import org.ailedger.indexer.event.LedgerEvent;
import org.ailedger.indexer.event.LogPosition;
import org.ailedger.indexer.event.ModelRegistryEvent;
import org.ailedger.indexer.store.Batch;
import org.ailedger.indexer.store.Block;
import org.ailedger.indexer.store.Cursor;
import org.ailedger.indexer.store.LedgerWriter;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A wide lineage for the blast-radius benchmark, committed by the indexer's own writer as one block
 * after the store's cursor: a root with {@code CHILDREN} children of {@code CHILDREN} children
 * each, and one rewarded update per {@code UPDATE_EVERY}-th grandchild citing it in a round of a
 * model the chain already has, so the radius reaches updates, rounds, models and rewards.
 */
final class LineageFixture {
  static final int CHILDREN = 100;
  static final int UPDATE_EVERY = 10;

  private LineageFixture() {}

  /** The root's id, and the number of descendants it has. */
  record Lineage(Bytes32 root, int descendants, Cursor cursor) {}

  static Lineage write(LedgerWriter writer, Cursor after, Bytes32 modelId, long round) {
    long number = after.blockNumber() + 1;
    Bytes32 blockHash = id("bench lineage block " + number);
    EthAddress owner = EthAddress.fromHex("0x00000000000000000000000000000000000b3c00");
    List<DecodedLog> logs = new ArrayList<>();
    Bytes32 root = id("bench lineage root " + number);
    add(logs, number, blockHash, attest(root, owner, List.of()));
    int descendants = 0;
    for (int i = 0; i < CHILDREN; i++) {
      Bytes32 child = id("bench lineage child " + number + "/" + i);
      add(logs, number, blockHash, attest(child, owner, List.of(root)));
      descendants++;
      for (int j = 0; j < CHILDREN; j++) {
        Bytes32 grandchild = id("bench lineage grandchild " + number + "/" + i + "/" + j);
        add(logs, number, blockHash, attest(grandchild, owner, List.of(child)));
        descendants++;
        if (j % UPDATE_EVERY == 0) {
          EthAddress contributor =
              new EthAddress(id("bench contributor " + i + "/" + j).slice(12, EthAddress.SIZE));
          add(
              logs,
              number,
              blockHash,
              new ModelRegistryEvent.UpdateSubmitted(
                  modelId, round, contributor, id("update " + i + "/" + j), BigInteger.TEN));
          add(
              logs,
              number,
              blockHash,
              new ModelRegistryEvent.UpdateDatasets(
                  modelId, round, contributor, List.of(grandchild), id("metrics " + i + "/" + j)));
          add(
              logs,
              number,
              blockHash,
              new ModelRegistryEvent.ContributionRewarded(
                  modelId,
                  round,
                  contributor,
                  BigInteger.ONE,
                  BigInteger.TEN.pow(18).add(BigInteger.valueOf(i * 1000L + j))));
        }
      }
    }
    Block block =
        new Block(number, blockHash, after.blockHash(), System.currentTimeMillis() / 1000);
    writer.commit(new Batch(after, block, List.of(), logs));
    return new Lineage(root, descendants, block.cursor());
  }

  private static DataProvenanceEvent.DatasetAttested attest(
      Bytes32 id, EthAddress owner, List<Bytes32> parents) {
    return new DataProvenanceEvent.DatasetAttested(id, owner, id, "s3://bench", "CC0", parents);
  }

  private static void add(
      List<DecodedLog> logs, long number, Bytes32 blockHash, LedgerEvent event) {
    int index = logs.size();
    logs.add(
        new DecodedLog(
            new LogPosition(
                number, index, blockHash, id("bench tx " + number + "/" + index), index),
            event));
  }

  static Bytes32 id(String text) {
    try {
      return Bytes32.wrap(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256", e);
    }
  }
}

package org.ailedger.indexer.ingest;

import java.time.Duration;
import java.util.List;
import org.ailedger.indexer.event.DecodedLog;
import org.ailedger.indexer.store.Block;

/**
 * What the ingester reports as it goes, for whoever watches it (the metrics). Called on the ingest
 * thread after the fact: an implementation must be quick and must not throw.
 */
public interface IngestObserver {
  /** Watches nothing. */
  IngestObserver NONE =
      new IngestObserver() {
        @Override
        public void committed(List<DecodedLog> events, Duration took) {}

        @Override
        public void position(Block indexed, Block head) {}

        @Override
        public void storeFailed() {}
      };

  /** A batch and its events were committed; {@code took} from reading its range to the commit. */
  void committed(List<DecodedLog> events, Duration took);

  /**
   * After a step that reached the node: the last indexed block and the node's head block, both as
   * the node served them in that step.
   */
  void position(Block indexed, Block head);

  /** A step failed on the store (it will be retried). */
  void storeFailed();
}

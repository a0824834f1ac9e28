package org.ailedger.node.consensus.qbft.message;

import org.apache.tuweni.bytes.Bytes32;

/**
 * What a round change says about the sender's best prepared block: the round it was prepared in and
 * its committed-seal hash in that round. Written {@code [preparedRound, preparedBlockHash]}.
 */
public record PreparedRoundMetadata(int preparedRound, Bytes32 preparedBlockHash) {
  public PreparedRoundMetadata {
    if (preparedRound < 0) {
      throw new IllegalArgumentException("prepared round < 0: " + preparedRound);
    }
    if (preparedBlockHash == null) {
      throw new IllegalArgumentException("prepared block hash must not be null");
    }
  }
}

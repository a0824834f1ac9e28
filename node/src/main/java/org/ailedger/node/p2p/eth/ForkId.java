package org.ailedger.node.p2p.eth;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.CRC32;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * An EIP-2124 fork identifier: {@code hash} is the IEEE CRC32 of the genesis hash followed by the
 * 8-byte big-endian number of every fork block already passed; {@code next} is the next fork block
 * this node knows of, 0 if none. On the wire it is {@code [hash: B_4, next: P]}, as geth's {@code
 * forkid.ID} and Besu's {@code ForkId.writeTo}.
 */
public record ForkId(Bytes hash, long next) {
  public static final int HASH_SIZE = 4;

  public ForkId {
    if (hash == null || hash.size() != HASH_SIZE) {
      throw new IllegalArgumentException("a fork hash is 4 bytes");
    }
    hash = hash.copy();
  }

  /**
   * The fork id of a chain at a head that has passed {@code passedForks} (ascending block numbers)
   * and knows {@code next} as its next fork. Forks at block 0 belong to the genesis rules and are
   * left out, as geth and Besu's {@code ForkIdManager} do.
   */
  public static ForkId of(Bytes32 genesisHash, List<Long> passedForks, long next) {
    CRC32 crc = new CRC32();
    crc.update(genesisHash.toArrayUnsafe());
    long previous = 0;
    for (long fork : passedForks) {
      if (fork < previous) {
        throw new IllegalArgumentException("forks must be in ascending order");
      }
      if (fork > previous) {
        crc.update(ByteBuffer.allocate(Long.BYTES).putLong(fork).array());
      }
      previous = fork;
    }
    return new ForkId(Bytes.ofUnsignedInt(crc.getValue()), next);
  }

  /**
   * The fork id of this chain: it has no fork after genesis (every fork this node implements is
   * active from block 0), so the id is the genesis checksum with no next fork, at every height.
   */
  public static ForkId ofChainWithoutForks(Bytes32 genesisHash) {
    return of(genesisHash, List.of(), 0);
  }
}

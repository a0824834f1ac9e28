package org.ailedger.node.block;

import org.ailedger.node.rlp.StrictRlp;
import org.ailedger.types.Address;
import org.ailedger.types.Keccak;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.rlp.RLP;
import org.apache.tuweni.rlp.RLPReader;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * An Ethereum (London) block header. Every header of this chain carries QBFT extra-data, and, as in
 * Besu's QBFT, two hashes are taken over it with the seals left out: the on-chain hash (round 0)
 * that identifies the block, and the committed-seal hash (its round) that seals sign.
 */
public record BlockHeader(
    Bytes32 parentHash,
    Bytes32 ommersHash,
    Address coinbase,
    Bytes32 stateRoot,
    Bytes32 transactionsRoot,
    Bytes32 receiptsRoot,
    LogsBloom logsBloom,
    UInt256 difficulty,
    long number,
    long gasLimit,
    long gasUsed,
    long timestamp,
    Bytes extraData,
    Bytes32 mixHash,
    long nonce,
    UInt256 baseFee) {

  /** keccak256(RLP([])): the ommers hash of every block without ommers. */
  public static final Bytes32 EMPTY_OMMERS_HASH =
      Bytes32.fromHexString("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347");

  /** The QBFT mix hash: "Istanbul byzantine fault tolerance" hashed, as Besu's QBFT requires. */
  public static final Bytes32 QBFT_MIX_HASH =
      Bytes32.fromHexString("0x63746963616c2062797a616e74696e65206661756c7420746f6c6572616e6365");

  public BlockHeader {
    if (parentHash == null
        || ommersHash == null
        || coinbase == null
        || stateRoot == null
        || transactionsRoot == null
        || receiptsRoot == null
        || logsBloom == null
        || difficulty == null
        || extraData == null
        || mixHash == null
        || baseFee == null) {
      throw new IllegalArgumentException("header fields must not be null");
    }
    if (number < 0 || gasLimit < 0 || gasUsed < 0 || timestamp < 0) {
      throw new IllegalArgumentException("header numbers are unsigned");
    }
    extraData = extraData.copy();
  }

  public QbftExtraData qbftExtraData() {
    return QbftExtraData.decode(extraData);
  }

  /**
   * The block hash, as Besu's QBFT computes it: keccak256 of the header RLP whose extra-data has no
   * seals and round 0. The genesis header is hashed as it is written.
   */
  public Bytes32 hash() {
    if (number == 0) {
      return Keccak.hash(encode());
    }
    return Keccak.hash(encode(qbftExtraData().encodeForOnChainHash()));
  }

  /**
   * What a committed seal signs and what PREPARE and COMMIT messages name as the digest: keccak256
   * of the header RLP whose extra-data has no seals but keeps its round.
   */
  public Bytes32 committedSealHash() {
    return Keccak.hash(encode(qbftExtraData().encodeForCommittedSeal()));
  }

  /**
   * The committed-seal hash this header would have if its extra-data named {@code round}: what a
   * commit seal for that round signs, and what a re-proposed block hashed to in the round it was
   * prepared in.
   */
  public Bytes32 committedSealHash(int round) {
    return Keccak.hash(encode(qbftExtraData().withRound(round).encodeForCommittedSeal()));
  }

  /** The full RLP, committed seals included, as stored and as sent to peers. */
  public Bytes encode() {
    return encode(extraData);
  }

  public BlockHeader withExtraData(Bytes newExtraData) {
    return new BlockHeader(
        parentHash,
        ommersHash,
        coinbase,
        stateRoot,
        transactionsRoot,
        receiptsRoot,
        logsBloom,
        difficulty,
        number,
        gasLimit,
        gasUsed,
        timestamp,
        newExtraData,
        mixHash,
        nonce,
        baseFee);
  }

  private Bytes encode(Bytes extra) {
    return RLP.encodeList(
        w -> {
          w.writeValue(parentHash);
          w.writeValue(ommersHash);
          w.writeValue(coinbase.bytes());
          w.writeValue(stateRoot);
          w.writeValue(transactionsRoot);
          w.writeValue(receiptsRoot);
          w.writeValue(logsBloom.bytes());
          w.writeUInt256(difficulty);
          w.writeLong(number);
          w.writeLong(gasLimit);
          w.writeLong(gasUsed);
          w.writeLong(timestamp);
          w.writeValue(extra);
          w.writeValue(mixHash);
          w.writeValue(Bytes.ofUnsignedLong(nonce));
          w.writeUInt256(baseFee);
        });
  }

  /**
   * Decodes a header RLP.
   *
   * @throws IllegalArgumentException with the reason when the bytes are not a header
   */
  public static BlockHeader decode(Bytes rlp) {
    return StrictRlp.decodeList(rlp, "block header", BlockHeader::read);
  }

  static BlockHeader read(RLPReader r) {
    Bytes32 parent = Bytes32.wrap(r.readValue());
    Bytes32 ommers = Bytes32.wrap(r.readValue());
    Address coinbase = new Address(r.readValue());
    Bytes32 state = Bytes32.wrap(r.readValue());
    Bytes32 txs = Bytes32.wrap(r.readValue());
    Bytes32 receipts = Bytes32.wrap(r.readValue());
    LogsBloom bloom = new LogsBloom(r.readValue());
    UInt256 difficulty = r.readUInt256();
    long number = r.readLong();
    long gasLimit = r.readLong();
    long gasUsed = r.readLong();
    long timestamp = r.readLong();
    Bytes extra = r.readValue();
    Bytes32 mix = Bytes32.wrap(r.readValue());
    Bytes nonceBytes = r.readValue();
    if (nonceBytes.size() != 8) {
      throw new IllegalArgumentException("header nonce must be 8 bytes");
    }
    UInt256 baseFee = r.readUInt256();
    return new BlockHeader(
        parent,
        ommers,
        coinbase,
        state,
        txs,
        receipts,
        bloom,
        difficulty,
        number,
        gasLimit,
        gasUsed,
        timestamp,
        extra,
        mix,
        nonceBytes.toLong(),
        baseFee);
  }
}

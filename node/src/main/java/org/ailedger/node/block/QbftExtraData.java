package org.ailedger.node.block;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ailedger.node.rlp.StrictRlp;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.rlp.RLP;
import org.apache.tuweni.rlp.RLPWriter;

/**
 * The QBFT header extra-data, laid out as Besu lays it out: {@code RLP([32-byte vanity,
 * [validators], vote, round, [committed seals]])}. The vote is an empty list when absent, else
 * {@code [address, 0xFF to add | 0x00 to drop]}; the round is an RLP scalar.
 */
public record QbftExtraData(
    Bytes32 vanity, List<Address> validators, Optional<Vote> vote, int round, List<Bytes> seals) {

  /** A validator vote carried in a header. */
  public record Vote(Address recipient, boolean add) {}

  public static final int SEAL_SIZE = 65;

  public QbftExtraData {
    if (vanity == null || validators == null || vote == null || seals == null) {
      throw new IllegalArgumentException("extra-data fields must not be null");
    }
    if (round < 0) {
      throw new IllegalArgumentException("round < 0: " + round);
    }
    for (Bytes seal : seals) {
      if (seal.size() != SEAL_SIZE) {
        throw new IllegalArgumentException("a committed seal has 65 bytes, got " + seal.size());
      }
    }
    validators = List.copyOf(validators);
    seals = List.copyOf(seals);
  }

  public static QbftExtraData genesis(List<Address> validators) {
    return new QbftExtraData(Bytes32.ZERO, validators, Optional.empty(), 0, List.of());
  }

  public QbftExtraData withSeals(List<Bytes> newSeals) {
    return new QbftExtraData(vanity, validators, vote, round, newSeals);
  }

  public QbftExtraData withRound(int newRound) {
    return new QbftExtraData(vanity, validators, vote, newRound, seals);
  }

  /** The full encoding, as stored in the header. */
  public Bytes encode() {
    return encode(round, seals);
  }

  /**
   * The encoding a committed seal and the proposal digest are taken over: the seals emptied, the
   * round kept, so a seal binds the round the block was committed in.
   */
  public Bytes encodeForCommittedSeal() {
    return encode(round, List.of());
  }

  /**
   * The encoding the on-chain block hash is taken over: the seals emptied and the round set to 0,
   * so the same block has one hash whichever round committed it and whoever sealed it.
   */
  public Bytes encodeForOnChainHash() {
    return encode(0, List.of());
  }

  private Bytes encode(int roundToWrite, List<Bytes> sealsToWrite) {
    return RLP.encodeList(
        w -> {
          w.writeValue(vanity);
          w.writeList(validators, (lw, v) -> lw.writeValue(v.bytes()));
          if (vote.isPresent()) {
            Vote v = vote.get();
            w.writeList(
                vw -> {
                  vw.writeValue(v.recipient().bytes());
                  vw.writeValue(Bytes.of(v.add() ? (byte) 0xFF : (byte) 0x00));
                });
          } else {
            w.writeList(lw -> {});
          }
          w.writeInt(roundToWrite);
          w.writeList(sealsToWrite, RLPWriter::writeValue);
        });
  }

  /**
   * Decodes header extra-data, rejecting anything that is not exactly the QBFT layout.
   *
   * @throws IllegalArgumentException with the reason when the bytes are not QBFT extra-data
   */
  public static QbftExtraData decode(Bytes extraData) {
    return StrictRlp.decodeList(
        extraData,
        "QBFT extra-data",
        r -> {
          Bytes vanity = r.readValue();
          if (vanity.size() != 32) {
            throw new IllegalArgumentException(
                "QBFT vanity must be 32 bytes, got " + vanity.size());
          }
          List<Address> validators = r.readListContents(vr -> new Address(vr.readValue()));
          Optional<Vote> vote =
              r.readList(
                  vr -> {
                    if (vr.isComplete()) {
                      return Optional.<Vote>empty();
                    }
                    Address recipient = new Address(vr.readValue());
                    Bytes kind = vr.readValue();
                    if (kind.size() != 1 || (kind.get(0) != (byte) 0xFF && kind.get(0) != 0)) {
                      throw new IllegalArgumentException("QBFT vote must be 0xff or 0x00");
                    }
                    return Optional.of(new Vote(recipient, kind.get(0) == (byte) 0xFF));
                  });
          int round = r.readInt();
          List<Bytes> seals =
              r.isComplete()
                  ? List.of()
                  : new ArrayList<>(r.readListContents(sr -> sr.readValue()));
          return new QbftExtraData(Bytes32.wrap(vanity), validators, vote, round, seals);
        });
  }
}

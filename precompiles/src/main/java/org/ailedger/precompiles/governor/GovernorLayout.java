package org.ailedger.precompiles.governor;

import static org.ailedger.precompiles.storage.StorageSlots.arrayElement;
import static org.ailedger.precompiles.storage.StorageSlots.mapping;
import static org.ailedger.precompiles.storage.StorageSlots.offset;
import static org.ailedger.precompiles.storage.StorageSlots.slot;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.ailedger.precompiles.ContractStorage;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.bytes.MutableBytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Where the governor keeps its proposals and votes; see {@link QuadraticGovernor} for the layout.
 * Small fields share a word the way Solidity packs a struct: the first field in the lowest-order
 * bytes. Rules live in {@link ProposalLifecycle}; this class only reads and writes.
 */
final class GovernorLayout {
  static final Bytes32 PROPOSAL_COUNT = slot(1);
  static final Bytes32 PROPOSALS = slot(2);
  static final Bytes32 RECEIPTS = slot(3);

  // word offsets inside a proposal
  private static final int HEADER = 0;
  private static final int MEMBER = 1;
  private static final int BLOCKS = 2;
  private static final int QUORUM = 3;
  private static final int CAP = 4;
  private static final int QUADRATIC_TOTAL = 5;
  private static final int AGAINST = 6;
  private static final int FOR = 7;
  private static final int ABSTAIN = 8;
  private static final int PAYLOAD = 9;
  private static final int DESCRIPTION = 10;

  // bytes of the header word {address proposer; uint8 kind; uint8 flags}
  private static final int KIND_BYTE = 11;
  private static final int FLAGS_BYTE = 10;
  private static final int CANCELED = 1;
  private static final int EXECUTED = 2;

  // bytes of the receipt word {bool voted; uint8 support; address voter}
  private static final int VOTED_BYTE = 31;
  private static final int SUPPORT_BYTE = 30;
  private static final int VOTER_FROM = 10;

  private static final int WORD = 32;
  private static final int BLOCK_BYTES = 8;

  private final ContractStorage storage;

  GovernorLayout(ContractStorage storage) {
    this.storage = storage;
  }

  long proposalCount() {
    return small(storage.load(PROPOSAL_COUNT), "proposal count");
  }

  void setProposalCount(long count) {
    storage.store(PROPOSAL_COUNT, UInt256.valueOf(count).toBytes());
  }

  /** The proposal with {@code id}; the caller has checked that it exists. */
  Proposal proposal(long id) {
    Bytes32 header = storage.load(field(id, HEADER));
    Bytes32 blocks = storage.load(field(id, BLOCKS));
    int flags = header.get(FLAGS_BYTE) & 0xFF;
    ProposalKind kind =
        ProposalKind.fromCode(UInt256.valueOf(header.get(KIND_BYTE) & 0xFF))
            .orElseThrow(() -> new IllegalStateException("proposal " + id + " has a bad kind"));
    return new Proposal(
        id,
        Address.fromWord(Bytes32.leftPad(header.slice(WORD - Address.SIZE))),
        storage.load(field(id, MEMBER)),
        kind,
        blockAt(blocks, 0),
        blockAt(blocks, 1),
        blockAt(blocks, 2),
        blockAt(blocks, 3),
        uint(field(id, QUORUM)),
        uint(field(id, CAP)),
        uint(field(id, QUADRATIC_TOTAL)),
        (flags & CANCELED) != 0,
        (flags & EXECUTED) != 0);
  }

  void storeProposal(Proposal proposal) {
    long id = proposal.id();
    MutableBytes32 header = MutableBytes32.create();
    header.set(WORD - Address.SIZE, proposal.proposer().bytes());
    header.set(KIND_BYTE, (byte) proposal.kind().code());
    header.set(
        FLAGS_BYTE,
        (byte) ((proposal.canceled() ? CANCELED : 0) | (proposal.executed() ? EXECUTED : 0)));
    storage.store(field(id, HEADER), header);
    storage.store(field(id, MEMBER), proposal.member());
    MutableBytes32 blocks = MutableBytes32.create();
    long[] values = {
      proposal.snapshotBlock(), proposal.voteStart(), proposal.voteEnd(), proposal.eta()
    };
    for (int i = 0; i < values.length; i++) {
      blocks.set(WORD - (i + 1) * BLOCK_BYTES, Bytes.ofUnsignedLong(values[i]));
    }
    storage.store(field(id, BLOCKS), blocks);
    storage.store(field(id, QUORUM), proposal.quorum().toBytes());
    storage.store(field(id, CAP), proposal.cap().toBytes());
    storage.store(field(id, QUADRATIC_TOTAL), proposal.quadraticTotal().toBytes());
  }

  /** Rewrites only the header word, where the canceled and executed flags live. */
  void storeStatus(Proposal proposal) {
    Bytes32 header = storage.load(field(proposal.id(), HEADER));
    MutableBytes32 updated = header.mutableCopy();
    updated.set(
        FLAGS_BYTE,
        (byte) ((proposal.canceled() ? CANCELED : 0) | (proposal.executed() ? EXECUTED : 0)));
    storage.store(field(proposal.id(), HEADER), updated);
  }

  Tally tally(long id) {
    return new Tally(uint(field(id, AGAINST)), uint(field(id, FOR)), uint(field(id, ABSTAIN)));
  }

  /** Writes the side {@code support} of {@code tally}, the only one a vote changes. */
  void storeTally(long id, Support support, Tally tally) {
    switch (support) {
      case AGAINST -> storage.store(field(id, AGAINST), tally.against().toBytes());
      case FOR -> storage.store(field(id, FOR), tally.forVotes().toBytes());
      case ABSTAIN -> storage.store(field(id, ABSTAIN), tally.abstain().toBytes());
    }
  }

  Bytes payload(long id) {
    return loadBytes(field(id, PAYLOAD));
  }

  String description(long id) {
    return new String(loadBytes(field(id, DESCRIPTION)).toArrayUnsafe(), StandardCharsets.UTF_8);
  }

  void storeText(long id, Bytes payload, String description) {
    storeBytes(field(id, PAYLOAD), payload);
    storeBytes(field(id, DESCRIPTION), Bytes.wrap(description.getBytes(StandardCharsets.UTF_8)));
  }

  Optional<VoteReceipt> receipt(long id, Bytes32 member) {
    Bytes32 base = receiptSlot(id, member);
    Bytes32 word = storage.load(base);
    if (word.get(VOTED_BYTE) == 0) {
      return Optional.empty();
    }
    Support support =
        Support.fromCode(UInt256.valueOf(word.get(SUPPORT_BYTE) & 0xFF))
            .orElseThrow(() -> new IllegalStateException("receipt with a bad support code"));
    Address voter = Address.fromWord(Bytes32.leftPad(word.slice(VOTER_FROM, Address.SIZE)));
    return Optional.of(new VoteReceipt(voter, support, uint(offset(base, 1))));
  }

  void storeReceipt(long id, Bytes32 member, VoteReceipt receipt) {
    Bytes32 base = receiptSlot(id, member);
    MutableBytes32 word = MutableBytes32.create();
    word.set(VOTED_BYTE, (byte) 1);
    word.set(SUPPORT_BYTE, (byte) receipt.support().code());
    word.set(VOTER_FROM, receipt.voter().bytes());
    storage.store(base, word);
    storage.store(offset(base, 1), receipt.weight().toBytes());
  }

  private static Bytes32 field(long id, int index) {
    return offset(mapping(PROPOSALS, UInt256.valueOf(id).toBytes()), index);
  }

  /** {@code receipts[id][member]}: two words, the packed vote and the weight. */
  private static Bytes32 receiptSlot(long id, Bytes32 member) {
    return mapping(mapping(RECEIPTS, UInt256.valueOf(id).toBytes()), member);
  }

  /**
   * Bytes as a length word at {@code base} and the data, zero-padded, in the words from {@code
   * keccak256(base)} on (Solidity's long form for {@code bytes}, used whatever the length).
   */
  private void storeBytes(Bytes32 base, Bytes data) {
    storage.store(base, UInt256.valueOf(data.size()).toBytes());
    for (int word = 0; word * WORD < data.size(); word++) {
      int from = word * WORD;
      Bytes chunk = data.slice(from, Math.min(WORD, data.size() - from));
      storage.store(arrayElement(base, word), Bytes32.rightPad(chunk));
    }
  }

  private Bytes loadBytes(Bytes32 base) {
    long length = small(storage.load(base), "stored bytes length");
    if (length > Integer.MAX_VALUE) {
      throw new IllegalStateException("stored bytes at " + base + " claim " + length + " bytes");
    }
    byte[] data = new byte[(int) length];
    for (int word = 0; (long) word * WORD < length; word++) {
      int from = word * WORD;
      int size = Math.min(WORD, data.length - from);
      System.arraycopy(storage.load(arrayElement(base, word)).toArrayUnsafe(), 0, data, from, size);
    }
    return Bytes.wrap(data);
  }

  private UInt256 uint(Bytes32 slot) {
    return UInt256.fromBytes(storage.load(slot));
  }

  private static long blockAt(Bytes32 word, int index) {
    return word.slice(WORD - (index + 1) * BLOCK_BYTES, BLOCK_BYTES).toLong();
  }

  private static long small(Bytes32 word, String what) {
    UInt256 value = UInt256.fromBytes(word);
    if (!value.fitsLong()) {
      throw new IllegalStateException("corrupt " + what + ": " + value);
    }
    return value.toLong();
  }
}

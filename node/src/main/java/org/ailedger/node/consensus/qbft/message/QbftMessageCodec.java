package org.ailedger.node.consensus.qbft.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.ailedger.node.block.Block;
import org.ailedger.node.consensus.qbft.CommitSeals;
import org.ailedger.node.crypto.Secp256k1;
import org.ailedger.node.rlp.RlpItem;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Decodes a peer's QBFT message data, accepting Besu's three-item shapes and the four-item ones of
 * Besu 26.1 to 26.4 (block-access-list slot, which must be 0x80 here), and recovers the author of
 * every signed payload over the payload bytes as received. Never throws on peer bytes: anything
 * that is not a message comes back as {@link MessageDecoding.Malformed} with its reason.
 */
public final class QbftMessageCodec {
  /** Besu's default RLPx message cap (RlpxConfiguration.DEFAULT_MAX_MESSAGE_SIZE, 10 MiB). */
  public static final int MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

  private static final int LEGACY_ITEMS = 3;
  private static final int WITH_ACCESS_LIST_ITEMS = 4;
  private static final Bytes RLP_NULL = Bytes.of(0x80);

  // recovery with the low-s rule is exactly what a committed seal needs too
  private final CommitSeals signatures;

  public QbftMessageCodec(Secp256k1 secp256k1) {
    this.signatures = new CommitSeals(secp256k1);
  }

  public MessageDecoding decode(int code, Bytes data) {
    if (!MessageCodes.isQbft(code)) {
      return new MessageDecoding.Malformed(
          DecodeFailure.UNKNOWN_CODE, "code 0x" + Integer.toHexString(code) + " is not QBFT");
    }
    if (data.size() > MAX_MESSAGE_BYTES) {
      return new MessageDecoding.Malformed(
          DecodeFailure.OVERSIZED, data.size() + " bytes exceed " + MAX_MESSAGE_BYTES);
    }
    RlpItem root;
    try {
      root = RlpItem.parse(data);
    } catch (IllegalArgumentException e) {
      return new MessageDecoding.Malformed(DecodeFailure.MALFORMED_RLP, e.getMessage());
    }
    try {
      QbftMessage message =
          switch (code) {
            case MessageCodes.PROPOSAL -> proposal(root);
            case MessageCodes.PREPARE -> new Prepare(signed(root, this::preparePayload));
            case MessageCodes.COMMIT -> new Commit(signed(root, this::commitPayload));
            case MessageCodes.ROUND_CHANGE -> roundChange(root);
            default -> throw new IllegalStateException("unreachable: code checked above");
          };
      return new MessageDecoding.Decoded(message);
    } catch (Bad bad) {
      return new MessageDecoding.Malformed(bad.reason, bad.getMessage());
    }
  }

  private Proposal proposal(RlpItem root) {
    List<RlpItem> items = list(root, "proposal", 2);
    SignedPayload<ProposalPayload> signed = signed(items.get(0), this::proposalPayload);
    List<RlpItem> certificate = list(items.get(1), "proposal certificate", 2);
    return new Proposal(
        signed,
        new RoundChangeCertificate(
            each(certificate.get(0), "round changes", i -> signed(i, this::roundChangePayload)),
            each(certificate.get(1), "prepares", i -> signed(i, this::preparePayload))));
  }

  private RoundChange roundChange(RlpItem root) {
    List<RlpItem> items = list(root, "round change", LEGACY_ITEMS, WITH_ACCESS_LIST_ITEMS);
    SignedPayload<RoundChangePayload> signed = signed(items.get(0), this::roundChangePayload);
    RlpItem blockItem = items.get(1);
    Optional<Block> block =
        blockItem instanceof RlpItem.ListItem l && l.items().isEmpty()
            ? Optional.empty()
            : Optional.of(block(blockItem));
    if (items.size() == WITH_ACCESS_LIST_ITEMS) {
      noAccessList(items.get(2));
    }
    List<SignedPayload<PreparePayload>> prepares =
        each(items.get(items.size() - 1), "prepares", i -> signed(i, this::preparePayload));
    return new RoundChange(signed, block, prepares);
  }

  private ProposalPayload proposalPayload(List<RlpItem> fields) {
    expectCount(fields, "proposal payload", LEGACY_ITEMS, WITH_ACCESS_LIST_ITEMS);
    if (fields.size() == WITH_ACCESS_LIST_ITEMS) {
      noAccessList(fields.get(3));
    }
    return new ProposalPayload(roundId(fields), block(fields.get(2)));
  }

  private PreparePayload preparePayload(List<RlpItem> fields) {
    expectCount(fields, "prepare payload", 3);
    return new PreparePayload(roundId(fields), hash(fields.get(2), "digest"));
  }

  private CommitPayload commitPayload(List<RlpItem> fields) {
    expectCount(fields, "commit payload", 4);
    return new CommitPayload(
        roundId(fields), hash(fields.get(2), "digest"), bytes(fields.get(3), "commit seal", 65));
  }

  private RoundChangePayload roundChangePayload(List<RlpItem> fields) {
    expectCount(fields, "round change payload", 3);
    List<RlpItem> metadata = list(fields.get(2), "prepared metadata", 0, 2);
    Optional<PreparedRoundMetadata> prepared =
        metadata.isEmpty()
            ? Optional.empty()
            : Optional.of(
                new PreparedRoundMetadata(
                    (int) scalar(metadata.get(0), "prepared round", Integer.MAX_VALUE),
                    hash(metadata.get(1), "prepared block hash")));
    return new RoundChangePayload(roundId(fields), prepared);
  }

  /** {@code [payload, signature]}, with the author recovered over the payload's raw bytes. */
  private <P extends Payload> SignedPayload<P> signed(
      RlpItem item, Function<List<RlpItem>, P> payloadReader) {
    List<RlpItem> items = list(item, "signed payload", 2);
    RlpItem payloadItem = items.get(0);
    if (!(payloadItem instanceof RlpItem.ListItem payloadList)) {
      throw new Bad(DecodeFailure.WRONG_SHAPE, "a payload must be a list");
    }
    P payload = payloadReader.apply(payloadList.items());
    Bytes signature = bytes(items.get(1), "signature", 65);
    Bytes32 hash = SignedPayload.signingHash(payload.code(), payloadList.raw());
    Optional<Address> author = signatures.signer(hash, signature);
    return new SignedPayload<>(payload, payloadList.raw(), signature, author);
  }

  private static RoundId roundId(List<RlpItem> fields) {
    long height = scalar(fields.get(0), "height", Long.MAX_VALUE);
    int round = (int) scalar(fields.get(1), "round", Integer.MAX_VALUE);
    return new RoundId(height, round);
  }

  private static Block block(RlpItem item) {
    try {
      return Block.decode(item.raw());
    } catch (IllegalArgumentException e) {
      throw new Bad(DecodeFailure.MALFORMED_BLOCK, e.getMessage());
    }
  }

  private static void noAccessList(RlpItem item) {
    if (!item.raw().equals(RLP_NULL)) {
      throw new Bad(
          DecodeFailure.UNSUPPORTED_BLOCK_ACCESS_LIST, "a block access list is not supported");
    }
  }

  private static <T> List<T> each(RlpItem item, String what, Function<RlpItem, T> reader) {
    if (!(item instanceof RlpItem.ListItem list)) {
      throw new Bad(DecodeFailure.WRONG_SHAPE, what + " must be a list");
    }
    List<T> out = new ArrayList<>(list.items().size());
    for (RlpItem i : list.items()) {
      out.add(reader.apply(i));
    }
    return out;
  }

  private static List<RlpItem> list(RlpItem item, String what, int... counts) {
    if (!(item instanceof RlpItem.ListItem list)) {
      throw new Bad(DecodeFailure.WRONG_SHAPE, what + " must be a list");
    }
    expectCount(list.items(), what, counts);
    return list.items();
  }

  private static void expectCount(List<RlpItem> items, String what, int... counts) {
    for (int c : counts) {
      if (items.size() == c) {
        return;
      }
    }
    throw new Bad(DecodeFailure.WRONG_SHAPE, what + " has " + items.size() + " items");
  }

  private static Bytes bytes(RlpItem item, String what, int size) {
    if (!(item instanceof RlpItem.Value value) || value.value().size() != size) {
      throw new Bad(DecodeFailure.BAD_FIELD, what + " must be " + size + " bytes");
    }
    return value.value();
  }

  private static Bytes32 hash(RlpItem item, String what) {
    return Bytes32.wrap(bytes(item, what, 32));
  }

  /** An unsigned scalar without leading zeros, at most {@code max}. */
  private static long scalar(RlpItem item, String what, long max) {
    if (!(item instanceof RlpItem.Value value)) {
      throw new Bad(DecodeFailure.BAD_FIELD, what + " must be a scalar");
    }
    Bytes v = value.value();
    if (v.size() > 8 || (!v.isEmpty() && v.get(0) == 0)) {
      throw new Bad(DecodeFailure.BAD_FIELD, what + " is not a canonical scalar");
    }
    long n = v.isEmpty() ? 0 : v.toLong();
    if (n < 0 || n > max) {
      throw new Bad(DecodeFailure.BAD_FIELD, what + " is out of range");
    }
    return n;
  }

  /** Carries a decode failure out of nested readers to {@link #decode}; never leaves the codec. */
  private static final class Bad extends RuntimeException {
    private final DecodeFailure reason;

    Bad(DecodeFailure reason, String message) {
      super(message, null, false, false);
      this.reason = reason;
    }
  }
}

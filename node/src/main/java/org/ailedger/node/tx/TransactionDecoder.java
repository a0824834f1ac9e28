package org.ailedger.node.tx;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.rlp.RLP;
import org.apache.tuweni.rlp.RLPException;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Decodes signed EIP-2718 envelopes (legacy, EIP-2930, EIP-1559) strictly: the only bytes accepted
 * are the canonical encoding of some transaction, so a transaction has exactly one hash. Signature
 * values are only shape-checked here; {@link SenderRecovery} checks that they recover a sender.
 */
public final class TransactionDecoder {
  /** Largest accepted envelope, the same bound Ethereum pools use against memory exhaustion. */
  public static final int MAX_ENCODED_SIZE = 128 * 1024;

  private static final int UINT64_BYTES = 8;
  private static final int UINT256_BYTES = 32;
  private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);
  private static final BigInteger V_PRE_EIP155_0 = BigInteger.valueOf(27);
  private static final BigInteger V_PRE_EIP155_1 = BigInteger.valueOf(28);
  private static final BigInteger V_EIP155_BASE = BigInteger.valueOf(35);

  private TransactionDecoder() {}

  public static DecodeResult decode(Bytes raw) {
    if (raw == null) {
      throw new IllegalArgumentException("raw transaction bytes are required");
    }
    if (raw.isEmpty()) {
      return invalid(
          RejectionReason.MALFORMED, "empty transaction: expected an RLP list or a typed envelope");
    }
    if (raw.size() > MAX_ENCODED_SIZE) {
      return invalid(
          RejectionReason.OVERSIZED,
          "transaction has " + raw.size() + " bytes; the limit is " + MAX_ENCODED_SIZE);
    }
    try {
      Transaction tx = decodeEnvelope(raw);
      // Every field was read canonically, so re-encoding must give the input back; this guards
      // the one-hash-per-transaction property against any gap between decoder and encoder.
      if (!tx.encoded().equals(raw)) {
        return invalid(RejectionReason.MALFORMED, "the transaction is not canonically encoded");
      }
      return new DecodeResult.Decoded(tx);
    } catch (DecodingFailure failure) {
      return new DecodeResult.Invalid(failure.rejection());
    } catch (RLPException e) {
      return invalid(RejectionReason.MALFORMED, "malformed RLP: " + e.getMessage());
    }
  }

  /** EIP-2718: a first byte from 0xc0 starts a legacy RLP list, one up to 0x7f is a type. */
  private static Transaction decodeEnvelope(Bytes raw) {
    int first = raw.get(0) & 0xff;
    if (first >= 0xc0) {
      return decodeList(raw, TransactionType.LEGACY);
    }
    if (first > 0x7f) {
      throw new DecodingFailure(
          RejectionReason.MALFORMED,
          "first byte "
              + hex(first)
              + " is neither a transaction type (0x00-0x7f) nor an RLP list (0xc0-0xff)");
    }
    TransactionType type =
        switch (first) {
          case 0x01 -> TransactionType.ACCESS_LIST;
          case 0x02 -> TransactionType.EIP1559;
          default ->
              throw new DecodingFailure(
                  RejectionReason.UNSUPPORTED_TYPE,
                  "transaction type "
                      + hex(first)
                      + " is not supported; accepted are legacy, 0x01 (EIP-2930) and 0x02"
                      + " (EIP-1559)");
        };
    Bytes payload = raw.slice(1);
    if (payload.isEmpty() || (payload.get(0) & 0xff) < 0xc0) {
      throw new DecodingFailure(
          RejectionReason.MALFORMED,
          "the payload of a type " + hex(first) + " transaction must be an RLP list");
    }
    return decodeList(payload, type);
  }

  private static Transaction decodeList(Bytes list, TransactionType type) {
    return RLP.decode(
        list,
        false,
        reader -> {
          Transaction tx =
              reader.readList(
                  false,
                  items -> {
                    RlpFieldReader fields = new RlpFieldReader(items, "the " + describe(type));
                    Transaction read =
                        type == TransactionType.LEGACY ? legacy(fields) : typed(fields, type);
                    fields.end();
                    return read;
                  });
          if (!reader.isComplete()) {
            throw new DecodingFailure(
                RejectionReason.MALFORMED, "unexpected bytes after the " + describe(type));
          }
          return tx;
        });
  }

  private static Transaction legacy(RlpFieldReader fields) {
    long nonce = nonce(fields);
    UInt256 gasPrice = uint256(fields, "gasPrice");
    long gasLimit = gasLimit(fields);
    Optional<Address> to = to(fields);
    UInt256 value = uint256(fields, "value");
    Bytes data = fields.bytes("data");
    BigInteger v = fields.unsigned("v", UINT64_BYTES, RejectionReason.INVALID_SIGNATURE);
    BigInteger r = signatureScalar(fields, "r");
    BigInteger s = signatureScalar(fields, "s");
    OptionalLong chainId;
    int recId;
    if (v.equals(V_PRE_EIP155_0) || v.equals(V_PRE_EIP155_1)) {
      chainId = OptionalLong.empty();
      recId = v.intValueExact() - 27;
    } else if (v.compareTo(V_EIP155_BASE) >= 0) {
      // v is at most 2^64-1, so the chain id is below 2^63 and fits a long.
      BigInteger[] chainAndParity = v.subtract(V_EIP155_BASE).divideAndRemainder(BigInteger.TWO);
      chainId = OptionalLong.of(chainAndParity[0].longValueExact());
      recId = chainAndParity[1].intValueExact();
    } else {
      throw new DecodingFailure(
          RejectionReason.INVALID_SIGNATURE,
          "v of the legacy transaction is "
              + v
              + "; it must be 27 or 28, or chainId*2+35 or chainId*2+36 (EIP-155)");
    }
    return new Transaction(
        TransactionType.LEGACY,
        chainId,
        nonce,
        gasPrice,
        gasPrice,
        gasLimit,
        to,
        value,
        data,
        List.of(),
        new Signature(r, s, recId));
  }

  private static Transaction typed(RlpFieldReader fields, TransactionType type) {
    BigInteger chainId = fields.unsigned("chainId", UINT64_BYTES, RejectionReason.MALFORMED);
    if (chainId.compareTo(MAX_LONG) > 0) {
      throw new DecodingFailure(
          RejectionReason.MALFORMED,
          "chainId " + chainId + " is above the largest supported chain id " + Long.MAX_VALUE);
    }
    long nonce = nonce(fields);
    UInt256 maxPriorityFeePerGas;
    UInt256 maxFeePerGas;
    if (type == TransactionType.EIP1559) {
      maxPriorityFeePerGas = uint256(fields, "maxPriorityFeePerGas");
      maxFeePerGas = uint256(fields, "maxFeePerGas");
    } else {
      maxPriorityFeePerGas = uint256(fields, "gasPrice");
      maxFeePerGas = maxPriorityFeePerGas;
    }
    long gasLimit = gasLimit(fields);
    Optional<Address> to = to(fields);
    UInt256 value = uint256(fields, "value");
    Bytes data = fields.bytes("data");
    List<AccessListEntry> accessList =
        fields.listOfLists(
            "accessList",
            entry ->
                new AccessListEntry(
                    new Address(entry.fixed("address", Address.SIZE, "an address")),
                    entry.listOfFixed("storageKeys", Bytes32.SIZE, "a storage key").stream()
                        .map(Bytes32::wrap)
                        .toList()));
    BigInteger yParity = fields.unsigned("yParity", 1, RejectionReason.INVALID_SIGNATURE);
    if (yParity.compareTo(BigInteger.ONE) > 0) {
      throw new DecodingFailure(
          RejectionReason.INVALID_SIGNATURE,
          "yParity of the " + describe(type) + " is " + yParity + "; it must be 0 or 1");
    }
    BigInteger r = signatureScalar(fields, "r");
    BigInteger s = signatureScalar(fields, "s");
    return new Transaction(
        type,
        OptionalLong.of(chainId.longValueExact()),
        nonce,
        maxPriorityFeePerGas,
        maxFeePerGas,
        gasLimit,
        to,
        value,
        data,
        accessList,
        new Signature(r, s, yParity.intValueExact()));
  }

  private static long nonce(RlpFieldReader fields) {
    BigInteger nonce = fields.unsigned("nonce", UINT64_BYTES, RejectionReason.MALFORMED);
    if (nonce.compareTo(MAX_LONG) > 0) {
      throw new DecodingFailure(
          RejectionReason.NONCE_TOO_HIGH,
          "nonce " + nonce + " is above " + Long.MAX_VALUE + ", more than any account can reach");
    }
    return nonce.longValueExact();
  }

  private static long gasLimit(RlpFieldReader fields) {
    BigInteger gasLimit = fields.unsigned("gasLimit", UINT64_BYTES, RejectionReason.MALFORMED);
    if (gasLimit.compareTo(MAX_LONG) > 0) {
      throw new DecodingFailure(
          RejectionReason.EXCEEDS_BLOCK_GAS_LIMIT,
          "gas limit " + gasLimit + " is above " + Long.MAX_VALUE + ", more than any block allows");
    }
    return gasLimit.longValueExact();
  }

  private static UInt256 uint256(RlpFieldReader fields, String field) {
    return UInt256.valueOf(fields.unsigned(field, UINT256_BYTES, RejectionReason.MALFORMED));
  }

  private static BigInteger signatureScalar(RlpFieldReader fields, String field) {
    return fields.unsigned(field, UINT256_BYTES, RejectionReason.INVALID_SIGNATURE);
  }

  private static Optional<Address> to(RlpFieldReader fields) {
    Bytes to = fields.bytes("to");
    if (to.isEmpty()) {
      return Optional.empty();
    }
    if (to.size() != Address.SIZE) {
      throw new DecodingFailure(
          RejectionReason.MALFORMED,
          "to has "
              + to.size()
              + " bytes; it must be a 20-byte address, or empty for a contract creation");
    }
    return Optional.of(new Address(to));
  }

  private static String describe(TransactionType type) {
    return switch (type) {
      case LEGACY -> "legacy transaction";
      case ACCESS_LIST -> "EIP-2930 transaction";
      case EIP1559 -> "EIP-1559 transaction";
    };
  }

  private static String hex(int b) {
    return String.format("0x%02x", b);
  }

  private static DecodeResult invalid(RejectionReason reason, String message) {
    return new DecodeResult.Invalid(new TransactionRejection(reason, message));
  }
}

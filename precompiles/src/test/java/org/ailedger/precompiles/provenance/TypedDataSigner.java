package org.ailedger.precompiles.provenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;
import org.web3j.crypto.StructuredDataEncoder;

/**
 * Signs attestations the way a wallet does for {@code eth_signTypedData_v4}: the typed data as
 * JSON, hashed by web3j's own EIP-712 encoder, signed with web3j. Nothing here uses the contract's
 * hashing code, so agreement with it is evidence that the contract follows the standard.
 */
final class TypedDataSigner {
  static final long CHAIN_ID = 1337;

  private TypedDataSigner() {}

  /** The typed data JSON of {@code attestation} on chain {@code chainId} at {@code contract}. */
  static String json(Attestation attestation, long chainId, Address contract) {
    DatasetClaim claim = attestation.claim();
    String parents =
        claim.parents().stream()
            .map(p -> quote(p.toHexString()))
            .collect(Collectors.joining(",", "[", "]"));
    return """
    {
      "types": {
        "EIP712Domain": [
          {"name": "name", "type": "string"},
          {"name": "version", "type": "string"},
          {"name": "chainId", "type": "uint256"},
          {"name": "verifyingContract", "type": "address"}
        ],
        "Attestation": [
          {"name": "owner", "type": "address"},
          {"name": "datasetId", "type": "bytes32"},
          {"name": "contentHash", "type": "bytes32"},
          {"name": "uri", "type": "string"},
          {"name": "license", "type": "string"},
          {"name": "parents", "type": "bytes32[]"},
          {"name": "nonce", "type": "uint256"},
          {"name": "deadline", "type": "uint256"}
        ]
      },
      "primaryType": "Attestation",
      "domain": {
        "name": "AI Contribution Ledger",
        "version": "1",
        "chainId": %d,
        "verifyingContract": %s
      },
      "message": {
        "owner": %s,
        "datasetId": %s,
        "contentHash": %s,
        "uri": %s,
        "license": %s,
        "parents": %s,
        "nonce": %s,
        "deadline": %s
      }
    }
    """
        .formatted(
            chainId,
            quote(contract.toHexString()),
            quote(attestation.owner().toHexString()),
            quote(claim.datasetId().toHexString()),
            quote(claim.contentHash().toHexString()),
            quote(claim.uri()),
            quote(claim.license()),
            parents,
            quote(attestation.nonce().toDecimalString()),
            quote(attestation.deadline().toDecimalString()));
  }

  /** web3j's EIP-712 digest of the attestation on the provenance contract of {@code chainId}. */
  static Bytes32 web3jDigest(Attestation attestation, long chainId, Address contract) {
    try {
      return Bytes32.wrap(
          new StructuredDataEncoder(json(attestation, chainId, contract)).hashStructuredData());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code r ‖ s ‖ v} over web3j's digest, v 27 or 28. */
  static Bytes sign(ECKeyPair key, Attestation attestation, long chainId, Address contract) {
    Bytes32 digest = web3jDigest(attestation, chainId, contract);
    Sign.SignatureData signature = Sign.signMessage(digest.toArrayUnsafe(), key, false);
    return Bytes.concatenate(
        Bytes.wrap(signature.getR()), Bytes.wrap(signature.getS()), Bytes.wrap(signature.getV()));
  }

  static Bytes sign(ECKeyPair key, Attestation attestation) {
    return sign(key, attestation, CHAIN_ID, DataProvenance.ADDRESS);
  }

  static Attestation attestation(Address owner, DatasetClaim claim, long nonce, long deadline) {
    return new Attestation(owner, claim, UInt256.valueOf(nonce), UInt256.valueOf(deadline));
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}

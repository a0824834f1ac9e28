package org.ailedger.cli.dataset;

import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.crypto.Secp256k1s;
import org.ailedger.precompiles.provenance.Attestation;
import org.ailedger.precompiles.provenance.DatasetClaim;
import org.ailedger.precompiles.provenance.Eip712Domain;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Signs a dataset attestation as its owner, per EIP-712, exactly as DataProvenance verifies it: the
 * digest comes from the contract's own message and domain types, so the two cannot drift.
 */
final class AttestationSigner {
  /** Ethereum's recovery byte: v = 27 + recovery id. */
  private static final int V_OFFSET = 27;

  private AttestationSigner() {}

  /** A signed attestation: the digest that was signed and the 65-byte r‖s‖v signature. */
  record Signed(Bytes32 digest, Bytes signature) {}

  static Signed sign(
      KeyPair owner, DatasetClaim claim, UInt256 nonce, UInt256 deadline, long chainId) {
    Bytes32 digest =
        new Attestation(owner.address(), claim, nonce, deadline)
            .digest(Eip712Domain.provenance(chainId));
    Bytes rsRecId = Secp256k1s.best().sign(digest, owner.privateKey());
    Bytes signature = Bytes.concatenate(rsRecId.slice(0, 64), Bytes.of(rsRecId.get(64) + V_OFFSET));
    return new Signed(digest, signature);
  }
}

package org.ailedger.precompiles.provenance;

/** Why a 65-byte {@code r ‖ s ‖ v} signature was refused before or during signer recovery. */
enum SignatureDefect {
  WRONG_LENGTH("a signature has 65 bytes (r, s, v)"),
  INVALID_V("v must be 27 or 28 (or 0 or 1)"),
  R_OUT_OF_RANGE("r must be between 1 and the secp256k1 order minus 1"),
  S_OUT_OF_RANGE("s must be between 1 and the secp256k1 order minus 1"),
  HIGH_S(
      "s is in the upper half of the secp256k1 order; only low-s signatures are accepted, so"
          + " the same signature cannot be submitted twice in two forms"),
  NO_SIGNER("no public key recovers from it");

  private final String description;

  SignatureDefect(String description) {
    this.description = description;
  }

  String description() {
    return description;
  }
}

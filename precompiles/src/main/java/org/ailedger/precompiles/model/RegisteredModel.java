package org.ailedger.precompiles.model;

import org.ailedger.types.Address;

/**
 * A model as the registry records it.
 *
 * @param owner the MODEL_OWNER account that registered it
 * @param aggregator the account that opens and finalizes its rounds
 * @param metadataUri where its description lives off chain
 * @param latestRound the last round opened, 0 before the first
 * @param registeredAtBlock block of registration
 */
public record RegisteredModel(
    Address owner,
    Address aggregator,
    String metadataUri,
    long latestRound,
    long registeredAtBlock) {
  public RegisteredModel {
    if (owner == null || aggregator == null || metadataUri == null) {
      throw new IllegalArgumentException("owner, aggregator and metadata URI are required");
    }
    if (latestRound < 0 || registeredAtBlock < 0) {
      throw new IllegalArgumentException("negative round or block");
    }
  }
}

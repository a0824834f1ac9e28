package org.ailedger.indexer.event;

import java.math.BigInteger;

/** Events of ContributionToken at 0x…1003 (IContributionToken.sol); a mint is from address 0. */
public sealed interface TokenEvent extends LedgerEvent {
  @Override
  default NativeContract contract() {
    return NativeContract.CONTRIBUTION_TOKEN;
  }

  record Transfer(EthAddress from, EthAddress to, BigInteger value) implements TokenEvent {}

  record Approval(EthAddress owner, EthAddress spender, BigInteger value) implements TokenEvent {}
}

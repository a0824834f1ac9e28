package org.ailedger.tests.dsl;

import org.ailedger.node.genesis.DevAccounts;
import org.web3j.crypto.Credentials;

/** Facts of the devnet genesis the system tests run on, as a client sees them. */
public final class Devnet {
  public static final long CHAIN_ID = 1337;

  /** First dev account of the "load" member; 10..137 are all permitted CONTRIBUTORs. */
  public static final int FIRST_LOAD_ACCOUNT = 10;

  public static final int LAST_LOAD_ACCOUNT = 137;

  private Devnet() {}

  /** Dev account {@code index} as web3j credentials, the way a client application holds a key. */
  public static Credentials account(int index) {
    return Credentials.create(DevAccounts.account(index).privateKey().bytes().toHexString());
  }

  /** The private key of dev account {@code index} as 0x-prefixed hex, for command-line tools. */
  public static String privateKeyHex(int index) {
    return DevAccounts.account(index).privateKey().bytes().toHexString();
  }
}

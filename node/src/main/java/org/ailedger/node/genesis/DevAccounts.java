package org.ailedger.node.genesis;

import java.util.ArrayList;
import java.util.List;
import org.ailedger.node.crypto.KeyPair;

/**
 * The devnet's well-known keys: the public test mnemonic Foundry and Hardhat use. Anyone can
 * derive them, so they are refused on every chain but the devnet's.
 */
public final class DevAccounts {
  public static final String MNEMONIC = "test test test test test test test test test test test junk";
  public static final long DEVNET_CHAIN_ID = 1337;
  /** Accounts 0..9 have the roles of DESIGN §6; 10..137 are load-test contributors. */
  public static final int NAMED_ACCOUNTS = 10;
  public static final int LOAD_ACCOUNTS = 128;

  private DevAccounts() {}

  /** Account {@code index} at m/44'/60'/0'/0/index. */
  public static KeyPair account(int index) {
    return KeyPair.fromMnemonic(MNEMONIC, index);
  }

  /**
   * Validator {@code index} of the devnet. Derived from the same mnemonic at a high account
   * index so the devnet genesis is reproducible and no user account doubles as a validator.
   */
  public static KeyPair validator(int index) {
    return KeyPair.fromMnemonic(MNEMONIC, 1_000 + index);
  }

  public static List<KeyPair> accounts(int count) {
    List<KeyPair> keys = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      keys.add(account(i));
    }
    return keys;
  }
}

package org.ailedger.node.genesis;

import java.util.List;
import org.ailedger.node.crypto.KeyPair;

/**
 * The devnet's well-known keys: the public test mnemonic Foundry and Hardhat use. Anyone can derive
 * them, so they are refused on every chain but the devnet's.
 */
public final class DevAccounts {
  public static final String MNEMONIC =
      "test test test test test test test test test test test junk";
  public static final long DEVNET_CHAIN_ID = 1337;

  /** Accounts 0..9 have the roles of DESIGN §6; 10..137 are load-test contributors. */
  public static final int NAMED_ACCOUNTS = 10;

  public static final int LOAD_ACCOUNTS = 128;

  /** The most validators a devnet genesis may name. */
  public static final int MAX_VALIDATORS = 16;

  private static final int FIRST_VALIDATOR_INDEX = 1_000;

  // Derived once: the keys are constants of the public mnemonic, and deriving one costs a
  // 2048-round PBKDF2 that every devnet start and test would otherwise repeat.
  private static final List<KeyPair> ACCOUNTS =
      KeyPair.fromMnemonic(MNEMONIC, 0, NAMED_ACCOUNTS + LOAD_ACCOUNTS);
  private static final List<KeyPair> VALIDATORS =
      KeyPair.fromMnemonic(MNEMONIC, FIRST_VALIDATOR_INDEX, MAX_VALIDATORS);

  private DevAccounts() {}

  /** Account {@code index} (0..137) at m/44'/60'/0'/0/index. */
  public static KeyPair account(int index) {
    return index < ACCOUNTS.size() ? ACCOUNTS.get(index) : KeyPair.fromMnemonic(MNEMONIC, index);
  }

  /**
   * Validator {@code index} of the devnet. Derived from the same mnemonic at account index 1000 +
   * index, so the devnet genesis is reproducible and no user account is a validator.
   */
  public static KeyPair validator(int index) {
    if (index < 0 || index >= MAX_VALIDATORS) {
      throw new IllegalArgumentException(
          "devnet validators are numbered 0 to " + (MAX_VALIDATORS - 1));
    }
    return VALIDATORS.get(index);
  }

  /** True for every key derivable from the public test mnemonic that the devnet uses. */
  public static boolean isWellKnown(KeyPair key) {
    return ACCOUNTS.contains(key) || VALIDATORS.contains(key);
  }
}

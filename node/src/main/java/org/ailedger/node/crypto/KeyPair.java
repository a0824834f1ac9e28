package org.ailedger.node.crypto;

import java.util.ArrayList;
import java.util.List;
import org.ailedger.types.Address;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.MnemonicUtils;

/**
 * A private key with its public key and address. The constructor checks that the three belong
 * together, so a key pair that exists is consistent.
 */
public record KeyPair(PrivateKey privateKey, PublicKey publicKey, Address address) {
  private static final int HARDENED = Bip32ECKeyPair.HARDENED_BIT;

  public KeyPair {
    if (privateKey == null || publicKey == null || address == null) {
      throw new IllegalArgumentException("key pair fields must not be null");
    }
    if (!Secp256k1Curve.publicKeyOf(privateKey.value()).equals(publicKey)) {
      throw new IllegalArgumentException("public key does not belong to the private key");
    }
    if (!publicKey.address().equals(address)) {
      throw new IllegalArgumentException(
          "address " + address + " does not belong to the public key");
    }
  }

  /** Derives the public key and address of a private key. */
  public static KeyPair of(PrivateKey privateKey) {
    PublicKey publicKey = Secp256k1Curve.publicKeyOf(privateKey.value());
    return new KeyPair(privateKey, publicKey, publicKey.address());
  }

  /** A new key drawn from {@code random}: a node key, or an account of a new network. */
  public static KeyPair generate(java.security.SecureRandom random) {
    while (true) {
      byte[] bytes = new byte[32];
      random.nextBytes(bytes);
      try {
        return of(new PrivateKey(org.apache.tuweni.bytes.Bytes32.wrap(bytes)));
      } catch (IllegalArgumentException outOfRange) {
        // 0 or ≥ n: astronomically rare, draw again
      }
    }
  }

  /**
   * The key at BIP-44 path {@code m/44'/60'/0'/0/index} of a BIP-39 mnemonic with an empty
   * passphrase: the derivation Ethereum wallets, Foundry and Hardhat use for their accounts.
   */
  public static KeyPair fromMnemonic(String mnemonic, int index) {
    return fromMnemonic(mnemonic, index, 1).get(0);
  }

  /**
   * Accounts {@code first} to {@code first + count - 1} of the mnemonic. The seed (2048 rounds of
   * PBKDF2) and the account-level key are derived once for all of them.
   */
  public static List<KeyPair> fromMnemonic(String mnemonic, int first, int count) {
    if (mnemonic == null || !MnemonicUtils.validateMnemonic(mnemonic.strip())) {
      throw new IllegalArgumentException(
          "not a valid BIP-39 mnemonic (unknown word or bad checksum)");
    }
    if (first < 0 || count < 0 || (long) first + count > (1L << 31)) {
      throw new IllegalArgumentException(
          "account indexes must be in [0, 2^31), got " + first + " + " + count);
    }
    byte[] seed = MnemonicUtils.generateSeed(mnemonic.strip(), "");
    Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(seed);
    Bip32ECKeyPair accounts =
        Bip32ECKeyPair.deriveKeyPair(master, new int[] {44 | HARDENED, 60 | HARDENED, HARDENED, 0});
    List<KeyPair> keys = new ArrayList<>(count);
    for (int i = first; i < first + count; i++) {
      Bip32ECKeyPair child = Bip32ECKeyPair.deriveKeyPair(accounts, new int[] {i});
      keys.add(of(PrivateKey.of(child.getPrivateKey())));
    }
    return List.copyOf(keys);
  }

  @Override
  public String toString() {
    return "KeyPair{" + address + "}";
  }
}

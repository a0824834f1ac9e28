package org.ailedger.cli.client;

import java.util.regex.Pattern;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.crypto.PrivateKey;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.types.Address;
import picocli.CommandLine;

/**
 * Accounts and keys as users type them: {@code 0x} addresses and hex keys, or {@code dev:N} for
 * devnet account N (the LedgerClient refuses devnet keys on any other chain).
 */
public final class Accounts {
  private static final Pattern ADDRESS = Pattern.compile("0[xX][0-9a-fA-F]{40}");
  private static final String DEV_PREFIX = "dev:";
  private static final int DEV_ACCOUNTS = DevAccounts.NAMED_ACCOUNTS + DevAccounts.LOAD_ACCOUNTS;

  private Accounts() {}

  /** {@code 0x} and 40 hex digits, or {@code dev:N}. */
  public static Address address(String argument) {
    if (argument.startsWith(DEV_PREFIX)) {
      return devAccount(argument).address();
    }
    if (!ADDRESS.matcher(argument).matches()) {
      throw new IllegalArgumentException(
          "an address is 0x and 40 hex digits (or dev:N on the devnet), got '" + argument + "'");
    }
    return Address.fromHex(argument);
  }

  /** A private key of 64 hex digits (with or without {@code 0x}), or {@code dev:N}. */
  public static KeyPair key(String argument) {
    if (argument.startsWith(DEV_PREFIX)) {
      return devAccount(argument);
    }
    try {
      return KeyPair.of(PrivateKey.fromHex(argument.trim()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "a key is 64 hex digits, or dev:N for a devnet account (" + e.getMessage() + ")");
    }
  }

  private static KeyPair devAccount(String argument) {
    String digits = argument.substring(DEV_PREFIX.length());
    int index;
    try {
      index = Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      index = -1;
    }
    if (index < 0 || index >= DEV_ACCOUNTS) {
      throw new IllegalArgumentException(
          "devnet accounts are dev:0 to dev:" + (DEV_ACCOUNTS - 1) + ", got '" + argument + "'");
    }
    return DevAccounts.account(index);
  }

  /** For picocli options taking an address. */
  /**
   * {@code account} when the user gave one, else the account of the client's key; without either, a
   * usage error that names what the account was for.
   */
  public static Address givenOrOwn(
      Address account, LedgerClient client, CommandLine commandLine, String what) {
    if (account != null) {
      return account;
    }
    return client
        .account()
        .orElseThrow(
            () ->
                new CommandLine.ParameterException(
                    commandLine, "give --account ADDR, or --key/--key-file for your own " + what));
  }

  public static final class AddressConverter implements CommandLine.ITypeConverter<Address> {
    @Override
    public Address convert(String value) {
      try {
        return address(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  /** For picocli options taking a key. */
  public static final class KeyConverter implements CommandLine.ITypeConverter<KeyPair> {
    @Override
    public KeyPair convert(String value) {
      try {
        return key(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}

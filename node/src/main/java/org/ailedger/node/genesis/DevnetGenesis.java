package org.ailedger.node.genesis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.types.Address;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * The devnet of DESIGN §6, built from the dev accounts. The file in {@code genesis/devnet/} is this
 * class's output; a test keeps the two equal.
 */
public final class DevnetGenesis {
  /** One validator per organisation of the devnet (DESIGN §6); the node allowlist is the same. */
  public static final int VALIDATORS = 4;

  /** High enough that gas never caps a one-second block below the node's capacity. */
  public static final long GAS_LIMIT = 1_000_000_000L;

  /** A fixed genesis time keeps the file, and so the genesis hash, reproducible. */
  public static final long TIMESTAMP = 1_767_225_600L; // 2026-01-01T00:00:00Z

  public static final UInt256 DEV_BALANCE =
      UInt256.valueOf(BigInteger.TEN.pow(24)); // 1,000,000 ether

  private DevnetGenesis() {}

  /** The devnet genesis of {@code ailedger devnet}: {@link #VALIDATORS} validators. */
  public static GenesisWriter.Spec spec() {
    return spec(VALIDATORS);
  }

  /**
   * The devnet's accounts, tokens and parameters with {@code validatorCount} validators, for tests
   * that run fewer or more validators than the devnet.
   */
  public static GenesisWriter.Spec spec(int validatorCount) {
    List<Address> validators = new ArrayList<>();
    for (int i = 0; i < validatorCount; i++) {
      validators.add(DevAccounts.validator(i).address());
    }
    Map<Address, UInt256> alloc = new LinkedHashMap<>();
    List<LedgerAccount> accounts = new ArrayList<>();
    String[][] named = {
      {"acme-ai", "MODEL_OWNER"},
      {"acme-ai", "AGGREGATOR"},
      {"st-mary-hospital", "CONTRIBUTOR"},
      {"northwind-lab", "CONTRIBUTOR"},
      {"city-clinic", "CONTRIBUTOR"},
      {"audit-guild", "AUDITOR"},
      {"holder-one", null},
      {"holder-two", null},
      {"holder-two", null},
      {"holder-three", null},
    };
    for (int i = 0; i < DevAccounts.NAMED_ACCOUNTS; i++) {
      Address address = DevAccounts.account(i).address();
      alloc.put(address, DEV_BALANCE);
      List<String> roles = named[i][1] == null ? List.of() : List.of(named[i][1]);
      accounts.add(new LedgerAccount(address, MemberIds.parse(named[i][0]), roles));
    }
    for (int i = 0; i < DevAccounts.LOAD_ACCOUNTS; i++) {
      KeyPair key = DevAccounts.account(DevAccounts.NAMED_ACCOUNTS + i);
      alloc.put(key.address(), DEV_BALANCE);
      accounts.add(
          new LedgerAccount(key.address(), MemberIds.parse("load"), List.of("CONTRIBUTOR")));
    }
    Map<Address, UInt256> tokens = new LinkedHashMap<>();
    tokens.put(
        DevAccounts.account(0).address(),
        tokens(100_000)); // the model owner's organisation: a whale
    tokens.put(DevAccounts.account(6).address(), tokens(10_000));
    tokens.put(DevAccounts.account(7).address(), tokens(4_000));
    tokens.put(DevAccounts.account(8).address(), tokens(5_000));
    tokens.put(DevAccounts.account(9).address(), tokens(2_500));
    Map<String, UInt256> parameters = new LinkedHashMap<>();
    parameters.put("capBps", UInt256.valueOf(1000));
    parameters.put("quorumBps", UInt256.valueOf(2000));
    parameters.put("votingDelay", UInt256.valueOf(1));
    parameters.put("votingPeriod", UInt256.valueOf(30));
    parameters.put("timelockBlocks", UInt256.valueOf(2));
    parameters.put("proposalThreshold", tokens(1));
    parameters.put("maxRewardPerRound", tokens(1_000));
    return new GenesisWriter.Spec(
        DevAccounts.DEVNET_CHAIN_ID,
        QbftOptions.defaults(1),
        GAS_LIMIT,
        TIMESTAMP,
        validators,
        alloc,
        accounts,
        validators,
        tokens,
        parameters);
  }

  /** Whole tokens in base units (18 decimals). */
  static UInt256 tokens(long whole) {
    return UInt256.valueOf(BigInteger.valueOf(whole).multiply(BigInteger.TEN.pow(18)));
  }
}

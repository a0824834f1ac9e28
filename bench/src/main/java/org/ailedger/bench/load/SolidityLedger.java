package org.ailedger.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.node.genesis.MemberIds;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;

/**
 * Deploys the Solidity versions of Permissions, DataProvenance and ModelRegistry (compiled from
 * {@code src/main/solidity} at build time) on a node that lacks the native contracts, and gives the
 * dev accounts the roles the devnet genesis gives them: account 0 MODEL_OWNER, 1 AGGREGATOR, 2
 * CONTRIBUTOR, 5 AUDITOR, every load account CONTRIBUTOR, each as an account of the same member.
 * Account 0 deploys, so it stands in for the governor that alone changes permissions.
 */
public final class SolidityLedger {
  private static final long DEPLOY_GAS = 5_000_000;
  private static final long GRANT_GAS = 200_000;

  /** The devnet genesis's maxRewardPerRound: 1,000 tokens of 18 decimals. */
  private static final BigInteger MAX_REWARD_PER_ROUND = BigInteger.TEN.pow(21);

  private final SetupSender sender;

  SolidityLedger(SetupSender sender) {
    this.sender = sender;
  }

  /**
   * Deploys the three contracts from dev account 0, grants the roles and returns where they are.
   */
  LedgerContracts deploy() throws InterruptedException {
    KeyPair governor = DevAccounts.account(0);
    Address permissions = create(governor, "BenchPermissions", List.of());
    Address provenance = create(governor, "BenchDataProvenance", List.of(address(permissions)));
    Address registry =
        create(
            governor,
            "BenchModelRegistry",
            List.of(address(permissions), address(provenance), new Uint256(MAX_REWARD_PER_ROUND)));
    List<Bytes> accounts = new ArrayList<>();
    List<Bytes> grants = new ArrayList<>();
    String[][] named = {
      {"acme-ai", "MODEL_OWNER"},
      {"acme-ai", "AGGREGATOR"},
      {"st-mary-hospital", "CONTRIBUTOR"},
      {"northwind-lab", "CONTRIBUTOR"},
      {"city-clinic", "CONTRIBUTOR"},
      {"audit-guild", "AUDITOR"}
    };
    for (int i = 0; i < named.length; i++) {
      Address account = DevAccounts.account(i).address();
      accounts.add(addAccount(account, named[i][0]));
      grants.add(grantRole(named[i][1], account));
    }
    for (int i = 0; i < DevAccounts.LOAD_ACCOUNTS; i++) {
      Address account = Presigner.senderKey(i).address();
      accounts.add(addAccount(account, "load"));
      grants.add(grantRole("CONTRIBUTOR", account));
    }
    sender.send(governor, accounts, Optional.of(permissions), GRANT_GAS, "addAccount");
    sender.send(governor, grants, Optional.of(permissions), GRANT_GAS, "grantRole");
    return new LedgerContracts(permissions, registry, provenance);
  }

  private Address create(KeyPair from, String contract, List<Type> constructorArgs)
      throws InterruptedException {
    String args = FunctionEncoder.encodeConstructor(constructorArgs);
    Bytes code =
        args.isEmpty()
            ? bytecode(contract)
            : Bytes.concatenate(bytecode(contract), Bytes.fromHexString(args));
    JsonNode receipt =
        sender.send(from, List.of(code), Optional.empty(), DEPLOY_GAS, "deploy " + contract).get(0);
    return Address.fromHex(receipt.path("contractAddress").asText());
  }

  /** The creation code solc wrote for {@code contract} into the class path at build time. */
  static Bytes bytecode(String contract) {
    String resource = "/solidity/" + contract + ".json";
    try (InputStream in = SolidityLedger.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            resource + " is not on the class path; build the bench module to compile it");
      }
      return Bytes.fromHexString(new ObjectMapper().readTree(in).path("bytecode").asText());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private static Bytes addAccount(Address account, String member) {
    return encode(
        "addAccount",
        address(account),
        new org.web3j.abi.datatypes.generated.Bytes32(MemberIds.parse(member).toArrayUnsafe()));
  }

  private static Bytes grantRole(String role, Address account) {
    Bytes32 id = Bytes32.wrap(Hash.sha3(role.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    return encode(
        "grantRole",
        new org.web3j.abi.datatypes.generated.Bytes32(id.toArrayUnsafe()),
        address(account));
  }

  private static org.web3j.abi.datatypes.Address address(Address address) {
    return new org.web3j.abi.datatypes.Address(address.toHexString());
  }

  @SuppressWarnings("rawtypes")
  private static Bytes encode(String function, Type... args) {
    return Bytes.fromHexString(
        FunctionEncoder.encode(new Function(function, List.of(args), List.of())));
  }
}

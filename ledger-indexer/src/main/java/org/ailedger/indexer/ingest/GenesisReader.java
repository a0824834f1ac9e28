package org.ailedger.indexer.ingest;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ailedger.chaincode.bindings.ContributionToken;
import org.ailedger.chaincode.bindings.Permissions;
import org.ailedger.chaincode.bindings.QuadraticGovernor;
import org.ailedger.indexer.event.EthAddress;
import org.ailedger.indexer.event.NativeContract;
import org.ailedger.indexer.event.ParameterName;
import org.ailedger.indexer.event.Role;
import org.ailedger.indexer.store.Block;
import org.ailedger.indexer.store.GenesisState;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * Reads the genesis state with the contracts' view functions at block 0. The calls are encoded and
 * their answers decoded by the chaincode bindings (never sent through web3j: the bindings only
 * build the call data here, the indexer's own JSON-RPC client sends it).
 */
public final class GenesisReader implements GenesisSource {
  private static final Logger LOG = LoggerFactory.getLogger(GenesisReader.class);

  /** The seven governed parameters (IQuadraticGovernor.sol, DESIGN §4). */
  public static final List<String> PARAMETERS =
      List.of(
          "capBps",
          "quorumBps",
          "votingDelay",
          "votingPeriod",
          "timelockBlocks",
          "proposalThreshold",
          "maxRewardPerRound");

  private static final long GENESIS = 0;

  private final ChainSource chain;
  private final Permissions permissions;
  private final ContributionToken token;
  private final QuadraticGovernor governor;

  public GenesisReader(ChainSource chain) {
    this.chain = chain;
    // no web3j connection: the bindings only encode calls and decode answers
    ReadonlyTransactionManager noSender =
        new ReadonlyTransactionManager(null, "0x0000000000000000000000000000000000000000");
    DefaultGasProvider gas = new DefaultGasProvider();
    this.permissions =
        Permissions.load(NativeContract.PERMISSIONS.address().hex(), null, noSender, gas);
    this.token =
        ContributionToken.load(
            NativeContract.CONTRIBUTION_TOKEN.address().hex(), null, noSender, gas);
    this.governor =
        QuadraticGovernor.load(
            NativeContract.QUADRATIC_GOVERNOR.address().hex(), null, noSender, gas);
  }

  @Override
  public GenesisState read(Block genesis, long chainId) throws NodeException {
    List<EthAddress> accounts = addresses(NativeContract.PERMISSIONS, permissions.getAccounts());
    Map<EthAddress, Bytes32> members = new LinkedHashMap<>();
    Map<EthAddress, BigInteger> balances = new LinkedHashMap<>();
    for (EthAddress account : accounts) {
      members.put(
          account, bytes32(NativeContract.PERMISSIONS, permissions.memberOf(account.hex())));
      balances.put(
          account, uint(NativeContract.CONTRIBUTION_TOKEN, token.balanceOf(account.hex())));
    }
    Map<Bytes32, List<EthAddress>> roles = new LinkedHashMap<>();
    for (Role role : Role.values()) {
      roles.put(
          role.id(),
          addresses(
              NativeContract.PERMISSIONS, permissions.getRoleMembers(role.id().toArrayUnsafe())));
    }
    List<EthAddress> nodes = addresses(NativeContract.PERMISSIONS, permissions.getNodes());
    List<EthAddress> validators =
        addresses(NativeContract.PERMISSIONS, permissions.getValidators());
    Map<String, BigInteger> parameters = new LinkedHashMap<>();
    for (String name : PARAMETERS) {
      parameters.put(
          name,
          uint(
              NativeContract.QUADRATIC_GOVERNOR,
              governor.getParameter(new ParameterName(name).padded().toArrayUnsafe())));
    }
    BigInteger supply = uint(NativeContract.CONTRIBUTION_TOKEN, token.totalSupply());
    BigInteger allocated = balances.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
    if (!supply.equals(allocated)) {
      // a genesis may allocate to an account it does not permit; its tokens stay unattributed
      LOG.warn(
          "genesis allocates {} base units to permitted accounts of a total supply of {}",
          allocated,
          supply);
    }
    LOG.info(
        "read the genesis state: {} accounts, {} validators, {} nodes, supply {}",
        accounts.size(),
        validators.size(),
        nodes.size(),
        supply);
    return new GenesisState(
        genesis, chainId, members, roles, nodes, validators, balances, parameters);
  }

  private Type<?> single(NativeContract contract, RemoteFunctionCall<?> function)
      throws NodeException {
    Bytes answer =
        chain.call(contract.address(), Bytes.fromHexString(function.encodeFunctionCall()), GENESIS);
    // web3j answers a raw List<Type>; each element is a Type<?>
    List<?> values = function.decodeFunctionResponse(answer.toHexString());
    if (values.size() != 1) {
      throw new NodeException(
          "a view of " + contract + " answered " + values.size() + " values, expected 1");
    }
    return (Type<?>) values.getFirst();
  }

  private List<EthAddress> addresses(NativeContract contract, RemoteFunctionCall<?> function)
      throws NodeException {
    if (!(single(contract, function) instanceof DynamicArray<?> array)) {
      throw new NodeException("a view of " + contract + " answered no address[]");
    }
    return array.getValue().stream()
        .map(item -> EthAddress.fromHex(((Address) item).getValue()))
        .toList();
  }

  private Bytes32 bytes32(NativeContract contract, RemoteFunctionCall<?> function)
      throws NodeException {
    if (!(single(contract, function) instanceof org.web3j.abi.datatypes.generated.Bytes32 word)) {
      throw new NodeException("a view of " + contract + " answered no bytes32");
    }
    return Bytes32.wrap(word.getValue().clone());
  }

  private BigInteger uint(NativeContract contract, RemoteFunctionCall<?> function)
      throws NodeException {
    if (!(single(contract, function).getValue() instanceof BigInteger value)) {
      throw new NodeException("a view of " + contract + " answered no integer");
    }
    return value;
  }
}

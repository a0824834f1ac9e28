package org.ailedger.indexer.store;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ailedger.indexer.event.EthAddress;
import org.apache.tuweni.bytes.Bytes32;

/**
 * What the genesis file seeded without emitting events, read from the chain at block 0 by calls:
 * the permitted accounts with their members, the roles, the node allowlist, the validators, the
 * token allocation and the governed parameters.
 *
 * @param genesis block 0
 * @param chainId the chain's id
 * @param members each permitted account's member id, in the order the contract lists accounts
 * @param roles the accounts holding each role id
 * @param nodes the node allowlist
 * @param validators the validator set
 * @param balances each account's token balance, in the order of {@code members}
 * @param parameters the governed parameters by name
 */
public record GenesisState(
    Block genesis,
    long chainId,
    Map<EthAddress, Bytes32> members,
    Map<Bytes32, List<EthAddress>> roles,
    List<EthAddress> nodes,
    List<EthAddress> validators,
    Map<EthAddress, BigInteger> balances,
    Map<String, BigInteger> parameters) {
  public GenesisState {
    if (genesis == null || genesis.number() != 0) {
      throw new IllegalArgumentException("the genesis state is read at block 0");
    }
    // the callers pass ordered maps (LinkedHashMap); copies keep the order deterministic
    members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    roles = Collections.unmodifiableMap(new LinkedHashMap<>(roles));
    nodes = List.copyOf(nodes);
    validators = List.copyOf(validators);
    balances = Collections.unmodifiableMap(new LinkedHashMap<>(balances));
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  public ChainIdentity chain() {
    return new ChainIdentity(chainId, genesis.hash());
  }
}

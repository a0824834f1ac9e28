package org.ailedger.node.genesis;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ailedger.node.block.QbftExtraData;
import org.ailedger.node.execution.ForkSchedule;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * A parsed Besu-style genesis file plus the {@code ledger} section of this product: the permitted
 * accounts with their members and roles, and the node allowlist.
 *
 * @param baseFee the base fee of block 0 and, with {@code zeroBaseFee}, of every block
 * @param tokens the ContributionToken allocation of block 0, in base units (18 decimals)
 * @param parameters governance parameters by name ({@code capBps}, …); absent ones take defaults
 * @param forks the hard forks of {@code config}; the EVM runs from {@code cancunTime}
 */
public record GenesisConfig(
    long chainId,
    QbftOptions qbft,
    boolean zeroBaseFee,
    long gasLimit,
    long timestamp,
    Bytes extraData,
    Address coinbase,
    UInt256 baseFee,
    Map<Address, UInt256> alloc,
    List<LedgerAccount> accounts,
    List<Address> nodes,
    Map<Address, UInt256> tokens,
    Map<String, UInt256> parameters,
    ForkSchedule forks) {

  public GenesisConfig {
    if (chainId < 1) {
      throw new IllegalArgumentException("config.chainId must be positive");
    }
    if (gasLimit < 5000) {
      throw new IllegalArgumentException("gasLimit is below the Ethereum minimum of 5000");
    }
    QbftExtraData.decode(extraData); // fail early on a file whose validators cannot be read
    if (validators(extraData).isEmpty()) {
      throw new IllegalArgumentException("extraData lists no validator");
    }
    alloc = Collections.unmodifiableMap(new TreeMap<>(alloc));
    accounts = List.copyOf(accounts);
    nodes = List.copyOf(nodes);
    tokens = Collections.unmodifiableMap(new TreeMap<>(tokens));
    parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
    if (forks == null) {
      throw new IllegalArgumentException("forks must not be null (ForkSchedule.NONE for none)");
    }
  }

  public List<Address> validators() {
    return validators(extraData);
  }

  private static List<Address> validators(Bytes extraData) {
    return QbftExtraData.decode(extraData).validators();
  }
}

package org.ailedger.node.genesis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.block.QbftExtraData;
import org.ailedger.types.Address;
import org.apache.tuweni.units.bigints.UInt256;

/** Writes a Besu-style genesis file with this product's {@code ledger} section. */
public final class GenesisWriter {
  private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Everything a new network's genesis needs to say. */
  public record Spec(
      long chainId,
      QbftOptions qbft,
      long gasLimit,
      long timestamp,
      List<Address> validators,
      Map<Address, UInt256> alloc,
      List<LedgerAccount> accounts,
      List<Address> nodes,
      Map<Address, UInt256> tokens,
      Map<String, UInt256> parameters) {}

  public String write(Spec spec) {
    ObjectNode root = mapper.createObjectNode();
    ObjectNode config = root.putObject("config");
    config.put("chainId", spec.chainId());
    for (String fork :
        List.of(
            "homesteadBlock",
            "eip150Block",
            "eip155Block",
            "eip158Block",
            "byzantiumBlock",
            "constantinopleBlock",
            "petersburgBlock",
            "istanbulBlock",
            "berlinBlock",
            "londonBlock")) {
      config.put(fork, 0);
    }
    // the EVM runs Cancun's rules, so a new chain enables Shanghai and Cancun at genesis too
    config.put("shanghaiTime", 0);
    config.put("cancunTime", 0);
    config.put("zeroBaseFee", true);
    ObjectNode qbft = config.putObject("qbft");
    qbft.put("blockperiodseconds", spec.qbft().blockPeriodSeconds());
    qbft.put("emptyblockperiodseconds", spec.qbft().emptyBlockPeriodSeconds());
    qbft.put("epochlength", spec.qbft().epochLength());
    qbft.put("requesttimeoutseconds", spec.qbft().requestTimeoutSeconds());
    qbft.put("createemptyblocks", spec.qbft().createEmptyBlocks());
    // the bounds are written at their defaults too, so operators see what they may tune
    qbft.put("messagequeuelimit", spec.qbft().messageQueueLimit());
    qbft.put("duplicatemessagelimit", spec.qbft().duplicateMessageLimit());
    qbft.put("gossipedhistorylimit", spec.qbft().gossipedHistoryLimit());
    qbft.put("futuremessageslimit", spec.qbft().futureMessagesLimit());
    qbft.put("futuremessagesmaxdistance", spec.qbft().futureMessagesMaxDistance());
    root.put("nonce", "0x0");
    root.put("timestamp", "0x" + Long.toHexString(spec.timestamp()));
    root.put("gasLimit", "0x" + Long.toHexString(spec.gasLimit()));
    root.put("difficulty", "0x1");
    root.put("baseFeePerGas", "0x0");
    root.put("mixHash", BlockHeader.QBFT_MIX_HASH.toHexString());
    root.put("coinbase", Address.ZERO.toHexString());
    root.put("extraData", QbftExtraData.genesis(spec.validators()).encode().toHexString());
    ObjectNode alloc = root.putObject("alloc");
    spec.alloc()
        .forEach(
            (address, balance) ->
                alloc
                    .putObject(address.toHexString())
                    .put("balance", "0x" + balance.toBigInteger().toString(16)));
    ObjectNode ledger = root.putObject("ledger");
    ArrayNode accounts = ledger.putArray("accounts");
    for (LedgerAccount account : spec.accounts()) {
      ObjectNode a = accounts.addObject();
      a.put("address", account.address().toHexString());
      a.put("member", MemberIds.format(account.memberId()));
      ArrayNode roles = a.putArray("roles");
      account.roles().forEach(roles::add);
    }
    ArrayNode nodes = ledger.putArray("nodes");
    spec.nodes().forEach(n -> nodes.add(n.toHexString()));
    ObjectNode tokens = ledger.putObject("tokens");
    spec.tokens()
        .forEach(
            (holder, amount) -> tokens.put(holder.toHexString(), amount.toBigInteger().toString()));
    ObjectNode parameters = ledger.putObject("parameters");
    spec.parameters()
        .forEach((name, value) -> parameters.put(name, value.toBigInteger().toString()));
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize genesis", e);
    }
  }
}

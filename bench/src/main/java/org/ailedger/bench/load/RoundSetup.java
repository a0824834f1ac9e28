package org.ailedger.bench.load;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares a chain for {@link Workload#SUBMIT_UPDATE} with the accounts that hold the roles: the
 * contributor of dev account 2 attests one dataset, the model owner (account 0) registers one model
 * per transaction each sender will send, with account 1 as aggregator, and account 1 opens round 1
 * of every model, all at the {@link LedgerContracts} given. Every setup transaction must succeed.
 */
final class RoundSetup {
  private static final Logger LOG = LoggerFactory.getLogger(RoundSetup.class);

  private static final long SETUP_GAS = 500_000;

  /** A fifth above the estimate covers submissions that write more than the first one. */
  private static final long GAS_MARGIN_DIVISOR = 5;

  /** Rounds stay open far beyond any run. */
  private static final long DEADLINE_BLOCKS = 1_000_000;

  private final JsonRpcClient client;
  private final SetupSender sender;
  private final LedgerContracts contracts;

  RoundSetup(JsonRpcClient client, SetupSender sender, LedgerContracts contracts) {
    this.client = client;
    this.sender = sender;
    this.contracts = contracts;
  }

  /**
   * Opens round 1 of {@code models} new models and returns the calls that submit to them, with a
   * gas limit from the node's estimate for {@code firstSender}'s first submission. A block holds as
   * many transactions as their gas limits fit, so a generous fixed limit would cap blocks below
   * what the node can execute.
   */
  Calls prepare(int models, Address firstSender) throws InterruptedException {
    KeyPair owner = DevAccounts.account(0);
    KeyPair aggregator = DevAccounts.account(1);
    KeyPair dataOwner = DevAccounts.account(2);
    long started = System.nanoTime();
    // the owner's nonce grows with every setup, so each run works on models of its own
    RoundInputs inputs =
        new RoundInputs(
            "load/"
                + owner.address().toHexString()
                + "/"
                + client.quantity(
                    "eth_getTransactionCount", owner.address().toHexString(), "pending"),
            models);
    send(dataOwner, List.of(inputs.attest()), contracts.dataProvenance(), "attest");
    send(
        owner,
        inputs.registerModels(aggregator.address()),
        contracts.modelRegistry(),
        "registerModel");
    send(
        aggregator,
        inputs.openRounds(client.quantity("eth_blockNumber") + DEADLINE_BLOCKS),
        contracts.modelRegistry(),
        "openRound");
    Calls probe = inputs.submissions(SETUP_GAS, contracts.modelRegistry());
    ObjectNode call = JsonNodeFactory.instance.objectNode();
    call.put("from", firstSender.toHexString());
    call.put("to", probe.to(0, 0).toHexString());
    call.put("data", probe.data(0, 0).toHexString());
    long estimate = client.quantity("eth_estimateGas", call);
    long gasLimit = estimate + estimate / GAS_MARGIN_DIVISOR;
    LOG.info(
        "Opened round 1 of {} models in {} ms; submitUpdate gas estimate {}, limit {}",
        models,
        Duration.ofNanos(System.nanoTime() - started).toMillis(),
        estimate,
        gasLimit);
    return inputs.submissions(gasLimit, contracts.modelRegistry());
  }

  private void send(KeyPair key, List<Bytes> inputs, Address to, String what)
      throws InterruptedException {
    sender.send(key, inputs, Optional.of(to), SETUP_GAS, what);
  }
}

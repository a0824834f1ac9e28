package org.ailedger.node.cli.client;

import static org.ailedger.node.cli.client.JsonValues.address;
import static org.ailedger.node.cli.client.JsonValues.hex;
import static org.ailedger.node.cli.client.JsonValues.hexList;
import static org.ailedger.node.cli.client.JsonValues.tokens;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ailedger.chaincode.bindings.ContributionToken;
import org.ailedger.chaincode.bindings.DataProvenance;
import org.ailedger.chaincode.bindings.ModelRegistry;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.types.Address;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * What a mined transaction did, for the user: its hash, block, and the ledger events of its
 * receipt decoded by the bindings, in log order. Token amounts are shown as decimal tokens.
 */
public final class TransactionReport {
  private TransactionReport() {}

  /** Adds {@code transaction}, {@code block}, {@code from}, {@code gasUsed} and {@code events}. */
  public static ObjectNode describe(TransactionReceipt receipt, ObjectNode into) {
    into.put("transaction", receipt.getTransactionHash().toLowerCase());
    into.put("block", receipt.getBlockNumber().longValueExact());
    into.put("from", address(receipt.getFrom()));
    into.put("gasUsed", receipt.getGasUsed().longValueExact());
    into.set("events", events(receipt));
    return into;
  }

  static ArrayNode events(TransactionReceipt receipt) {
    List<Decoded> decoded = new ArrayList<>();
    modelEvents(receipt, decoded);
    provenanceEvents(receipt, decoded);
    tokenEvents(receipt, decoded);
    for (Log log : receipt.getLogs()) {
      if (decoded.stream().noneMatch(d -> d.index.equals(log.getLogIndex()))) {
        ObjectNode unknown = event("(undecoded)");
        unknown.put("address", address(log.getAddress()));
        unknown.set("topics", Output.array().addAll(log.getTopics().stream()
            .map(t -> Output.object().textNode(t.toLowerCase())).toList()));
        unknown.put("data", log.getData());
        decoded.add(new Decoded(log.getLogIndex(), unknown));
      }
    }
    decoded.sort(Comparator.comparing(Decoded::index));
    ArrayNode events = Output.array();
    decoded.forEach(d -> events.add(d.json));
    return events;
  }

  private static void modelEvents(TransactionReceipt receipt, List<Decoded> out) {
    for (var e : ModelRegistry.getModelRegisteredEvents(receipt)) {
      add(out, e.log, NativeAddresses.MODEL_REGISTRY, event("ModelRegistered").put("modelId", hex(e.modelId))
          .put("owner", address(e.owner)).put("aggregator", address(e.aggregator)).put("metadataUri", e.metadataUri));
    }
    for (var e : ModelRegistry.getRoundOpenedEvents(receipt)) {
      add(out, e.log, NativeAddresses.MODEL_REGISTRY, event("RoundOpened").put("modelId", hex(e.modelId))
          .put("round", e.round.longValueExact()).put("baseModelHash", hex(e.baseModelHash))
          .put("rewardPool", tokens(e.rewardPool)).put("deadlineBlock", e.deadlineBlock.longValueExact()));
    }
    for (var e : ModelRegistry.getUpdateSubmittedEvents(receipt)) {
      add(out, e.log, NativeAddresses.MODEL_REGISTRY, event("UpdateSubmitted").put("modelId", hex(e.modelId))
          .put("round", e.round.longValueExact()).put("contributor", address(e.contributor))
          .put("updateHash", hex(e.updateHash)).put("sampleCount", e.sampleCount.longValueExact()));
    }
    for (var e : ModelRegistry.getUpdateDatasetsEvents(receipt)) {
      ObjectNode json = event("UpdateDatasets").put("modelId", hex(e.modelId))
          .put("round", e.round.longValueExact()).put("contributor", address(e.contributor));
      json.set("datasetIds", hexList(e.datasetIds));
      add(out, e.log, NativeAddresses.MODEL_REGISTRY, json.put("metricsHash", hex(e.metricsHash)));
    }
    for (var e : ModelRegistry.getContributionRewardedEvents(receipt)) {
      add(out, e.log, NativeAddresses.MODEL_REGISTRY, event("ContributionRewarded")
          .put("modelId", hex(e.modelId)).put("round", e.round.longValueExact())
          .put("contributor", address(e.contributor)).put("weight", e.weight.toString())
          .put("reward", tokens(e.reward)));
    }
    for (var e : ModelRegistry.getReputationChangedEvents(receipt)) {
      add(out, e.log, NativeAddresses.MODEL_REGISTRY, event("ReputationChanged")
          .put("contributor", address(e.contributor)).put("delta", e.delta).put("reputation", e.reputation));
    }
    for (var e : ModelRegistry.getRoundFinalizedEvents(receipt)) {
      add(out, e.log, NativeAddresses.MODEL_REGISTRY, event("RoundFinalized").put("modelId", hex(e.modelId))
          .put("round", e.round.longValueExact()).put("aggregateHash", hex(e.aggregateHash))
          .put("acceptedCount", e.acceptedCount));
    }
  }

  private static void provenanceEvents(TransactionReceipt receipt, List<Decoded> out) {
    for (var e : DataProvenance.getDatasetAttestedEvents(receipt)) {
      ObjectNode json = event("DatasetAttested").put("datasetId", hex(e.datasetId))
          .put("owner", address(e.owner)).put("contentHash", hex(e.contentHash))
          .put("uri", e.uri).put("license", e.license);
      json.set("parents", hexList(e.parents));
      add(out, e.log, NativeAddresses.DATA_PROVENANCE, json);
    }
    for (var e : DataProvenance.getAttestationRelayedEvents(receipt)) {
      add(out, e.log, NativeAddresses.DATA_PROVENANCE, event("AttestationRelayed")
          .put("datasetId", hex(e.datasetId)).put("owner", address(e.owner))
          .put("relayer", address(e.relayer)).put("nonce", e.nonce));
    }
    for (var e : DataProvenance.getDatasetEndorsedEvents(receipt)) {
      add(out, e.log, NativeAddresses.DATA_PROVENANCE, event("DatasetEndorsed")
          .put("datasetId", hex(e.datasetId)).put("auditor", address(e.auditor)));
    }
    for (var e : DataProvenance.getDatasetRevokedEvents(receipt)) {
      add(out, e.log, NativeAddresses.DATA_PROVENANCE, event("DatasetRevoked")
          .put("datasetId", hex(e.datasetId)).put("revokedBy", address(e.revokedBy))
          .put("reasonHash", hex(e.reasonHash)));
    }
  }

  private static void tokenEvents(TransactionReceipt receipt, List<Decoded> out) {
    for (var e : ContributionToken.getTransferEvents(receipt)) {
      add(out, e.log, NativeAddresses.CONTRIBUTION_TOKEN, event("Transfer")
          .put("from", address(e.from)).put("to", address(e.to)).put("value", tokens(e.value)));
    }
    for (var e : ContributionToken.getApprovalEvents(receipt)) {
      add(out, e.log, NativeAddresses.CONTRIBUTION_TOKEN, event("Approval")
          .put("owner", address(e.owner)).put("spender", address(e.spender)).put("value", tokens(e.value)));
    }
  }

  private static ObjectNode event(String name) {
    return Output.object().put("event", name);
  }

  /** Events are matched by signature; the emitting contract must match too. */
  private static void add(List<Decoded> out, Log log, Address contract, ObjectNode json) {
    if (Address.fromHex(log.getAddress()).equals(contract)) {
      out.add(new Decoded(log.getLogIndex(), json));
    }
  }

  private record Decoded(BigInteger index, ObjectNode json) {}
}

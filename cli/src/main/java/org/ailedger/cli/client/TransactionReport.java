package org.ailedger.cli.client;

import static org.ailedger.cli.client.JsonValues.address;
import static org.ailedger.cli.client.JsonValues.hex;
import static org.ailedger.cli.client.JsonValues.hexList;
import static org.ailedger.cli.client.JsonValues.tokens;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.ailedger.chaincode.bindings.ContributionToken;
import org.ailedger.chaincode.bindings.DataProvenance;
import org.ailedger.chaincode.bindings.ModelRegistry;
import org.ailedger.chaincode.bindings.Permissions;
import org.ailedger.chaincode.bindings.QuadraticGovernor;
import org.ailedger.node.genesis.MemberIds;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.precompiles.governance.Parameter;
import org.ailedger.precompiles.governor.ProposalKind;
import org.ailedger.precompiles.governor.Support;
import org.ailedger.precompiles.permissions.Role;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * What a mined transaction did, for the user: its hash, block, and the ledger events of its receipt
 * decoded by the bindings, in log order. Token amounts are shown as decimal tokens.
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
    governorEvents(receipt, decoded);
    permissionsEvents(receipt, decoded);
    for (Log log : receipt.getLogs()) {
      if (decoded.stream().noneMatch(d -> d.index.equals(log.getLogIndex()))) {
        ObjectNode unknown = event("(undecoded)");
        unknown.put("address", address(log.getAddress()));
        unknown.set(
            "topics",
            Output.array()
                .addAll(
                    log.getTopics().stream()
                        .map(t -> Output.object().textNode(t.toLowerCase()))
                        .toList()));
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
      add(
          out,
          e.log,
          NativeAddresses.MODEL_REGISTRY,
          event("ModelRegistered")
              .put("modelId", hex(e.modelId))
              .put("owner", address(e.owner))
              .put("aggregator", address(e.aggregator))
              .put("metadataUri", e.metadataUri));
    }
    for (var e : ModelRegistry.getRoundOpenedEvents(receipt)) {
      add(
          out,
          e.log,
          NativeAddresses.MODEL_REGISTRY,
          event("RoundOpened")
              .put("modelId", hex(e.modelId))
              .put("round", e.round.longValueExact())
              .put("baseModelHash", hex(e.baseModelHash))
              .put("rewardPool", tokens(e.rewardPool))
              .put("deadlineBlock", e.deadlineBlock.longValueExact()));
    }
    for (var e : ModelRegistry.getUpdateSubmittedEvents(receipt)) {
      add(
          out,
          e.log,
          NativeAddresses.MODEL_REGISTRY,
          event("UpdateSubmitted")
              .put("modelId", hex(e.modelId))
              .put("round", e.round.longValueExact())
              .put("contributor", address(e.contributor))
              .put("updateHash", hex(e.updateHash))
              .put("sampleCount", e.sampleCount.longValueExact()));
    }
    for (var e : ModelRegistry.getUpdateDatasetsEvents(receipt)) {
      ObjectNode json =
          event("UpdateDatasets")
              .put("modelId", hex(e.modelId))
              .put("round", e.round.longValueExact())
              .put("contributor", address(e.contributor));
      json.set("datasetIds", hexList(e.datasetIds));
      add(out, e.log, NativeAddresses.MODEL_REGISTRY, json.put("metricsHash", hex(e.metricsHash)));
    }
    for (var e : ModelRegistry.getContributionRewardedEvents(receipt)) {
      add(
          out,
          e.log,
          NativeAddresses.MODEL_REGISTRY,
          event("ContributionRewarded")
              .put("modelId", hex(e.modelId))
              .put("round", e.round.longValueExact())
              .put("contributor", address(e.contributor))
              .put("weight", e.weight.toString())
              .put("reward", tokens(e.reward)));
    }
    for (var e : ModelRegistry.getReputationChangedEvents(receipt)) {
      add(
          out,
          e.log,
          NativeAddresses.MODEL_REGISTRY,
          event("ReputationChanged")
              .put("contributor", address(e.contributor))
              .put("delta", e.delta)
              .put("reputation", e.reputation));
    }
    for (var e : ModelRegistry.getRoundFinalizedEvents(receipt)) {
      add(
          out,
          e.log,
          NativeAddresses.MODEL_REGISTRY,
          event("RoundFinalized")
              .put("modelId", hex(e.modelId))
              .put("round", e.round.longValueExact())
              .put("aggregateHash", hex(e.aggregateHash))
              .put("acceptedCount", e.acceptedCount));
    }
  }

  private static void provenanceEvents(TransactionReceipt receipt, List<Decoded> out) {
    for (var e : DataProvenance.getDatasetAttestedEvents(receipt)) {
      ObjectNode json =
          event("DatasetAttested")
              .put("datasetId", hex(e.datasetId))
              .put("owner", address(e.owner))
              .put("contentHash", hex(e.contentHash))
              .put("uri", e.uri)
              .put("license", e.license);
      json.set("parents", hexList(e.parents));
      add(out, e.log, NativeAddresses.DATA_PROVENANCE, json);
    }
    for (var e : DataProvenance.getAttestationRelayedEvents(receipt)) {
      add(
          out,
          e.log,
          NativeAddresses.DATA_PROVENANCE,
          event("AttestationRelayed")
              .put("datasetId", hex(e.datasetId))
              .put("owner", address(e.owner))
              .put("relayer", address(e.relayer))
              .put("nonce", e.nonce));
    }
    for (var e : DataProvenance.getDatasetEndorsedEvents(receipt)) {
      add(
          out,
          e.log,
          NativeAddresses.DATA_PROVENANCE,
          event("DatasetEndorsed")
              .put("datasetId", hex(e.datasetId))
              .put("auditor", address(e.auditor)));
    }
    for (var e : DataProvenance.getDatasetRevokedEvents(receipt)) {
      add(
          out,
          e.log,
          NativeAddresses.DATA_PROVENANCE,
          event("DatasetRevoked")
              .put("datasetId", hex(e.datasetId))
              .put("revokedBy", address(e.revokedBy))
              .put("reasonHash", hex(e.reasonHash)));
    }
  }

  private static void tokenEvents(TransactionReceipt receipt, List<Decoded> out) {
    for (var e : ContributionToken.getTransferEvents(receipt)) {
      add(
          out,
          e.log,
          NativeAddresses.CONTRIBUTION_TOKEN,
          event("Transfer")
              .put("from", address(e.from))
              .put("to", address(e.to))
              .put("value", tokens(e.value)));
    }
    for (var e : ContributionToken.getApprovalEvents(receipt)) {
      add(
          out,
          e.log,
          NativeAddresses.CONTRIBUTION_TOKEN,
          event("Approval")
              .put("owner", address(e.owner))
              .put("spender", address(e.spender))
              .put("value", tokens(e.value)));
    }
  }

  private static void governorEvents(TransactionReceipt receipt, List<Decoded> out) {
    for (var e : QuadraticGovernor.getProposalCreatedEvents(receipt)) {
      add(
          out,
          e.log,
          NativeAddresses.QUADRATIC_GOVERNOR,
          event("ProposalCreated")
              .put("proposalId", e.proposalId.longValueExact())
              .put("proposer", address(e.proposer))
              .put("member", member(e.memberId))
              .put("kind", kind(e.kind))
              .put("payload", hex(e.payload))
              .put("description", e.description)
              .put("snapshotBlock", e.snapshotBlock.longValueExact())
              .put("voteStart", e.voteStart.longValueExact())
              .put("voteEnd", e.voteEnd.longValueExact())
              .put("quadraticTotal", e.quadraticTotal.toString()));
    }
    for (var e : QuadraticGovernor.getProposalTermsEvents(receipt)) {
      add(
          out,
          e.log,
          NativeAddresses.QUADRATIC_GOVERNOR,
          event("ProposalTerms")
              .put("proposalId", e.proposalId.longValueExact())
              .put("eta", e.eta.longValueExact())
              .put("expiresAt", e.expiresAt.longValueExact())
              .put("quorum", e.quorum.toString())
              .put("cap", e.cap.toString()));
    }
    for (var e : QuadraticGovernor.getVoteCastEvents(receipt)) {
      add(
          out,
          e.log,
          NativeAddresses.QUADRATIC_GOVERNOR,
          event("VoteCast")
              .put("proposalId", e.proposalId.longValueExact())
              .put("voter", address(e.voter))
              .put("member", member(e.memberId))
              .put("support", support(e.support))
              .put("weight", e.weight.toString())
              .put("rawBalance", tokens(e.rawBalance)));
    }
    for (var e : QuadraticGovernor.getProposalExecutedEvents(receipt)) {
      add(
          out,
          e.log,
          NativeAddresses.QUADRATIC_GOVERNOR,
          event("ProposalExecuted").put("proposalId", e.proposalId.longValueExact()));
    }
    for (var e : QuadraticGovernor.getProposalCanceledEvents(receipt)) {
      add(
          out,
          e.log,
          NativeAddresses.QUADRATIC_GOVERNOR,
          event("ProposalCanceled").put("proposalId", e.proposalId.longValueExact()));
    }
    for (var e : QuadraticGovernor.getParameterChangedEvents(receipt)) {
      add(
          out,
          e.log,
          NativeAddresses.QUADRATIC_GOVERNOR,
          event("ParameterChanged")
              .put(
                  "name",
                  Parameter.fromKey(Bytes32.wrap(e.name)).map(Parameter::label).orElse(hex(e.name)))
              .put("oldValue", e.oldValue.toString())
              .put("newValue", e.newValue.toString()));
    }
  }

  private static void permissionsEvents(TransactionReceipt receipt, List<Decoded> out) {
    for (var e : Permissions.getAccountAddedEvents(receipt)) {
      add(
          out,
          e.log,
          NativeAddresses.PERMISSIONS,
          event("AccountAdded")
              .put("account", address(e.account))
              .put("member", member(e.memberId)));
    }
    for (var e : Permissions.getAccountRemovedEvents(receipt)) {
      add(
          out,
          e.log,
          NativeAddresses.PERMISSIONS,
          event("AccountRemoved")
              .put("account", address(e.account))
              .put("member", member(e.memberId)));
    }
    for (var e : Permissions.getRoleGrantedEvents(receipt)) {
      add(
          out,
          e.log,
          NativeAddresses.PERMISSIONS,
          event("RoleGranted").put("role", role(e.role)).put("account", address(e.account)));
    }
    for (var e : Permissions.getRoleRevokedEvents(receipt)) {
      add(
          out,
          e.log,
          NativeAddresses.PERMISSIONS,
          event("RoleRevoked").put("role", role(e.role)).put("account", address(e.account)));
    }
    for (var e : Permissions.getNodeAddedEvents(receipt)) {
      add(out, e.log, NativeAddresses.PERMISSIONS, event("NodeAdded").put("node", address(e.node)));
    }
    for (var e : Permissions.getNodeRemovedEvents(receipt)) {
      add(
          out,
          e.log,
          NativeAddresses.PERMISSIONS,
          event("NodeRemoved").put("node", address(e.node)));
    }
    for (var e : Permissions.getValidatorAddedEvents(receipt)) {
      add(
          out,
          e.log,
          NativeAddresses.PERMISSIONS,
          event("ValidatorAdded").put("validator", address(e.validator)));
    }
    for (var e : Permissions.getValidatorRemovedEvents(receipt)) {
      add(
          out,
          e.log,
          NativeAddresses.PERMISSIONS,
          event("ValidatorRemoved").put("validator", address(e.validator)));
    }
  }

  /** A member id as its readable name where it is one ({@code holder-two}), else hex. */
  private static String member(byte[] id) {
    return MemberIds.format(Bytes32.wrap(id));
  }

  /** A role id as its name ({@code CONTRIBUTOR}), else hex. */
  private static String role(byte[] id) {
    return Role.fromId(Bytes32.wrap(id)).map(Role::name).orElse(hex(id));
  }

  /** A proposal kind by name ({@code GrantRole}), else its number. */
  private static String kind(BigInteger code) {
    return ProposalKind.fromCode(UInt256.valueOf(code))
        .map(ProposalKind::label)
        .orElse(code.toString());
  }

  private static String support(BigInteger code) {
    return Support.fromCode(UInt256.valueOf(code))
        .map(s -> s.name().toLowerCase(Locale.ROOT))
        .orElse(code.toString());
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

package org.ailedger.indexer.event;

import java.util.List;
import org.ailedger.chaincode.bindings.ContributionToken;
import org.ailedger.chaincode.bindings.DataProvenance;
import org.ailedger.chaincode.bindings.ModelRegistry;
import org.ailedger.chaincode.bindings.Permissions;
import org.ailedger.chaincode.bindings.QuadraticGovernor;
import org.ailedger.indexer.event.DataProvenanceEvent.AttestationRelayed;
import org.ailedger.indexer.event.DataProvenanceEvent.DatasetAttested;
import org.ailedger.indexer.event.DataProvenanceEvent.DatasetEndorsed;
import org.ailedger.indexer.event.DataProvenanceEvent.DatasetRevoked;
import org.ailedger.indexer.event.GovernorEvent.ParameterChanged;
import org.ailedger.indexer.event.GovernorEvent.ProposalCanceled;
import org.ailedger.indexer.event.GovernorEvent.ProposalCreated;
import org.ailedger.indexer.event.GovernorEvent.ProposalExecuted;
import org.ailedger.indexer.event.GovernorEvent.ProposalTerms;
import org.ailedger.indexer.event.GovernorEvent.VoteCast;
import org.ailedger.indexer.event.ModelRegistryEvent.ContributionRewarded;
import org.ailedger.indexer.event.ModelRegistryEvent.ModelRegistered;
import org.ailedger.indexer.event.ModelRegistryEvent.ReputationChanged;
import org.ailedger.indexer.event.ModelRegistryEvent.RoundFinalized;
import org.ailedger.indexer.event.ModelRegistryEvent.RoundOpened;
import org.ailedger.indexer.event.ModelRegistryEvent.UpdateDatasets;
import org.ailedger.indexer.event.ModelRegistryEvent.UpdateSubmitted;
import org.ailedger.indexer.event.PermissionsEvent.AccountAdded;
import org.ailedger.indexer.event.PermissionsEvent.AccountRemoved;
import org.ailedger.indexer.event.PermissionsEvent.NodeAdded;
import org.ailedger.indexer.event.PermissionsEvent.NodeRemoved;
import org.ailedger.indexer.event.PermissionsEvent.RoleGranted;
import org.ailedger.indexer.event.PermissionsEvent.RoleRevoked;
import org.ailedger.indexer.event.PermissionsEvent.ValidatorAdded;
import org.ailedger.indexer.event.PermissionsEvent.ValidatorRemoved;
import org.ailedger.indexer.event.TokenEvent.Approval;
import org.ailedger.indexer.event.TokenEvent.Transfer;

/**
 * Every event of the five native contracts. The ABI of each comes from the web3j bindings that
 * chaincode generates from the Solidity interfaces, so topics and parameter types are never written
 * by hand here; only the mapping from parameter positions (in declaration order) to the typed
 * record is. A test checks that no binding's event is missing.
 */
public final class EventCatalogue {
  private EventCatalogue() {}

  public static List<EventType> nativeContracts() {
    NativeContract permissions = NativeContract.PERMISSIONS;
    NativeContract models = NativeContract.MODEL_REGISTRY;
    NativeContract datasets = NativeContract.DATA_PROVENANCE;
    NativeContract token = NativeContract.CONTRIBUTION_TOKEN;
    NativeContract governor = NativeContract.QUADRATIC_GOVERNOR;
    return List.of(
        new EventType(
            permissions,
            Permissions.ACCOUNTADDED_EVENT,
            v -> new AccountAdded(v.address(0), v.bytes32(1))),
        new EventType(
            permissions,
            Permissions.ACCOUNTREMOVED_EVENT,
            v -> new AccountRemoved(v.address(0), v.bytes32(1))),
        new EventType(
            permissions,
            Permissions.ROLEGRANTED_EVENT,
            v -> new RoleGranted(v.bytes32(0), v.address(1))),
        new EventType(
            permissions,
            Permissions.ROLEREVOKED_EVENT,
            v -> new RoleRevoked(v.bytes32(0), v.address(1))),
        new EventType(permissions, Permissions.NODEADDED_EVENT, v -> new NodeAdded(v.address(0))),
        new EventType(
            permissions, Permissions.NODEREMOVED_EVENT, v -> new NodeRemoved(v.address(0))),
        new EventType(
            permissions, Permissions.VALIDATORADDED_EVENT, v -> new ValidatorAdded(v.address(0))),
        new EventType(
            permissions,
            Permissions.VALIDATORREMOVED_EVENT,
            v -> new ValidatorRemoved(v.address(0))),
        new EventType(
            models,
            ModelRegistry.MODELREGISTERED_EVENT,
            v -> new ModelRegistered(v.bytes32(0), v.address(1), v.address(2), v.string(3))),
        new EventType(
            models,
            ModelRegistry.ROUNDOPENED_EVENT,
            v ->
                new RoundOpened(v.bytes32(0), v.uintAsLong(1), v.bytes32(2), v.uint(3), v.uint(4))),
        new EventType(
            models,
            ModelRegistry.UPDATESUBMITTED_EVENT,
            v ->
                new UpdateSubmitted(
                    v.bytes32(0), v.uintAsLong(1), v.address(2), v.bytes32(3), v.uint(4))),
        new EventType(
            models,
            ModelRegistry.UPDATEDATASETS_EVENT,
            v ->
                new UpdateDatasets(
                    v.bytes32(0), v.uintAsLong(1), v.address(2), v.bytes32List(3), v.bytes32(4))),
        new EventType(
            models,
            ModelRegistry.ROUNDFINALIZED_EVENT,
            v -> new RoundFinalized(v.bytes32(0), v.uintAsLong(1), v.bytes32(2), v.uint(3))),
        new EventType(
            models,
            ModelRegistry.CONTRIBUTIONREWARDED_EVENT,
            v ->
                new ContributionRewarded(
                    v.bytes32(0), v.uintAsLong(1), v.address(2), v.uint(3), v.uint(4))),
        new EventType(
            models,
            ModelRegistry.REPUTATIONCHANGED_EVENT,
            v -> new ReputationChanged(v.address(0), v.int256(1), v.int256(2))),
        new EventType(
            datasets,
            DataProvenance.DATASETATTESTED_EVENT,
            v ->
                new DatasetAttested(
                    v.bytes32(0),
                    v.address(1),
                    v.bytes32(2),
                    v.string(3),
                    v.string(4),
                    v.bytes32List(5))),
        new EventType(
            datasets,
            DataProvenance.ATTESTATIONRELAYED_EVENT,
            v -> new AttestationRelayed(v.bytes32(0), v.address(1), v.address(2), v.uint(3))),
        new EventType(
            datasets,
            DataProvenance.DATASETENDORSED_EVENT,
            v -> new DatasetEndorsed(v.bytes32(0), v.address(1))),
        new EventType(
            datasets,
            DataProvenance.DATASETREVOKED_EVENT,
            v -> new DatasetRevoked(v.bytes32(0), v.address(1), v.bytes32(2))),
        new EventType(
            token,
            ContributionToken.TRANSFER_EVENT,
            v -> new Transfer(v.address(0), v.address(1), v.uint(2))),
        new EventType(
            token,
            ContributionToken.APPROVAL_EVENT,
            v -> new Approval(v.address(0), v.address(1), v.uint(2))),
        new EventType(
            governor,
            QuadraticGovernor.PROPOSALCREATED_EVENT,
            v ->
                new ProposalCreated(
                    v.uintAsLong(0),
                    v.address(1),
                    v.bytes32(2),
                    v.uint8(3),
                    v.bytes(4),
                    v.string(5),
                    v.uintAsLong(6),
                    v.uintAsLong(7),
                    v.uintAsLong(8),
                    v.uint(9))),
        new EventType(
            governor,
            QuadraticGovernor.PROPOSALTERMS_EVENT,
            v ->
                new ProposalTerms(
                    v.uintAsLong(0), v.uintAsLong(1), v.uintAsLong(2), v.uint(3), v.uint(4))),
        new EventType(
            governor,
            QuadraticGovernor.VOTECAST_EVENT,
            v ->
                new VoteCast(
                    v.uintAsLong(0), v.address(1), v.bytes32(2), v.uint8(3), v.uint(4), v.uint(5))),
        new EventType(
            governor,
            QuadraticGovernor.PROPOSALEXECUTED_EVENT,
            v -> new ProposalExecuted(v.uintAsLong(0))),
        new EventType(
            governor,
            QuadraticGovernor.PROPOSALCANCELED_EVENT,
            v -> new ProposalCanceled(v.uintAsLong(0))),
        new EventType(
            governor,
            QuadraticGovernor.PARAMETERCHANGED_EVENT,
            v -> new ParameterChanged(v.bytes32(0), v.uint(1), v.uint(2))));
  }
}

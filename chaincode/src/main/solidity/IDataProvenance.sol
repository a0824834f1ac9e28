// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// @title DataProvenance, the native contract at 0x0000000000000000000000000000000000001002
/// @notice Attestations of datasets: who owns one, the hash of its content, its licence, where it
/// lives, which datasets it was derived from, which auditors endorse it, and whether it (or any
/// ancestor) was revoked.
/// @dev Implemented in Java by the node. Raw data never goes on chain. A dataset is tainted if it or
/// any ancestor is revoked; the lineage walk is breadth-first and bounded to 256 datasets. Signed
/// attestations follow EIP-712 with domain {name: "AI Contribution Ledger", version: "1", chainId,
/// verifyingContract: 0x…1002} and type Attestation(address owner,bytes32 datasetId,bytes32
/// contentHash,string uri,string license,bytes32[] parents,uint256 nonce,uint256 deadline).
/// Failures revert with a readable `Error(string)` reason and change nothing.
interface IDataProvenance {
    /// @notice A dataset was attested.
    /// @dev Emitted by `attest` and `attestFor`.
    /// @param datasetId the dataset's id
    /// @param owner the account that owns the attestation
    /// @param contentHash hash of the dataset's content
    /// @param uri where the dataset (or its description) lives off chain
    /// @param license the dataset's licence, e.g. an SPDX identifier
    /// @param parents the datasets it was derived from
    event DatasetAttested(
        bytes32 indexed datasetId,
        address indexed owner,
        bytes32 contentHash,
        string uri,
        string license,
        bytes32[] parents
    );

    /// @notice An attestation was submitted by a relayer on the owner's signed behalf.
    /// @dev Emitted by `attestFor`, after `DatasetAttested`.
    /// @param datasetId the dataset's id
    /// @param owner the account that signed the attestation
    /// @param relayer the account that sent the transaction
    /// @param nonce the owner's nonce the signature consumed
    event AttestationRelayed(bytes32 indexed datasetId, address indexed owner, address indexed relayer, uint256 nonce);

    /// @notice An auditor endorsed a dataset.
    /// @dev Emitted by `endorse`.
    /// @param datasetId the dataset
    /// @param auditor the endorsing auditor
    event DatasetEndorsed(bytes32 indexed datasetId, address indexed auditor);

    /// @notice A dataset was revoked; it and all its descendants are tainted from now on.
    /// @dev Emitted by `revoke`.
    /// @param datasetId the dataset
    /// @param revokedBy the owner or auditor who revoked it
    /// @param reasonHash hash of the off-chain statement of why
    event DatasetRevoked(bytes32 indexed datasetId, address indexed revokedBy, bytes32 reasonHash);

    /// @notice Attests a dataset owned by the caller.
    /// @dev The caller must be a permitted account. Reverts if `datasetId` is zero or already
    /// attested, a parent does not exist or is listed twice, or more than 16 parents are given.
    /// Emits `DatasetAttested`.
    /// @param datasetId the new dataset's id; non-zero and unused
    /// @param contentHash hash of the dataset's content
    /// @param uri where the dataset (or its description) lives off chain
    /// @param license the dataset's licence
    /// @param parents the existing datasets it was derived from, at most 16, no duplicates
    function attest(
        bytes32 datasetId,
        bytes32 contentHash,
        string calldata uri,
        string calldata license,
        bytes32[] calldata parents
    ) external;

    /// @notice Attests a dataset on behalf of an owner who signed it off chain (EIP-712), so the
    /// owner need not send a transaction itself: anyone may relay the signature.
    /// @dev Anyone may call. Reverts under the same rules as `attest`, and also if `owner` is not a
    /// permitted account, the block timestamp is past `deadline`, or the signature is malformed, has a
    /// high s, or does not recover to `owner` over nonce `nonces(owner)`. Consumes that nonce. Emits
    /// `DatasetAttested` then `AttestationRelayed`.
    /// @param owner the account that signed and will own the attestation
    /// @param datasetId the new dataset's id
    /// @param contentHash hash of the dataset's content
    /// @param uri where the dataset lives off chain
    /// @param license the dataset's licence
    /// @param parents the existing datasets it was derived from, at most 16
    /// @param deadline unix time (seconds) after which the signature is void
    /// @param signature 65 bytes r || s || v, v being 27 or 28 (0 or 1 accepted)
    function attestFor(
        address owner,
        bytes32 datasetId,
        bytes32 contentHash,
        string calldata uri,
        string calldata license,
        bytes32[] calldata parents,
        uint256 deadline,
        bytes calldata signature
    ) external;

    /// @notice The nonce the owner's next signed attestation must carry.
    /// @dev Anyone may call. Never reverts.
    /// @param owner the signing account
    /// @return nonce the number of signed attestations of `owner` relayed so far
    function nonces(address owner) external view returns (uint256 nonce);

    /// @notice Revokes a dataset, tainting it and every dataset derived from it.
    /// @dev The dataset's owner or an AUDITOR may call. Reverts if the dataset does not exist, is
    /// already revoked, or the caller is neither its owner nor an auditor. Emits `DatasetRevoked`.
    /// @param datasetId the dataset
    /// @param reasonHash hash of the off-chain statement of why
    function revoke(bytes32 datasetId, bytes32 reasonHash) external;

    /// @notice Whether a dataset is revoked or descends from a revoked dataset.
    /// @dev Anyone may call. Reverts if the dataset does not exist or its lineage exceeds 256
    /// datasets.
    /// @param datasetId the dataset
    /// @return tainted true if it or any ancestor is revoked
    function isTainted(bytes32 datasetId) external view returns (bool tainted);

    /// @notice The revoked dataset that taints a dataset: itself if revoked, else the nearest
    /// revoked ancestor found breadth-first.
    /// @dev Anyone may call. Reverts if the dataset does not exist or its lineage exceeds 256
    /// datasets before a revoked one is found.
    /// @param datasetId the dataset
    /// @return source the tainting dataset, or zero if the dataset is clean
    function taintSource(bytes32 datasetId) external view returns (bytes32 source);

    /// @notice Whether an auditor has endorsed a dataset.
    /// @dev Anyone may call. Reverts if the dataset does not exist.
    /// @param datasetId the dataset
    /// @param auditor the auditor's account
    /// @return endorsed true once the auditor endorsed it
    function hasEndorsed(bytes32 datasetId, address auditor) external view returns (bool endorsed);

    /// @notice The most parents one dataset may cite.
    /// @dev Anyone may call. Never reverts.
    /// @return limit 16
    function MAX_PARENTS() external view returns (uint256 limit);

    /// @notice The most datasets a taint check walks before it gives up.
    /// @dev Anyone may call. Never reverts.
    /// @return limit 256
    function MAX_LINEAGE_NODES() external view returns (uint256 limit);

    /// @notice Endorses a dataset as audited.
    /// @dev Only an AUDITOR may call, once per dataset. Reverts if the caller lacks the role, the
    /// dataset does not exist, or the caller already endorsed it. Emits `DatasetEndorsed`.
    /// @param datasetId the dataset
    function endorse(bytes32 datasetId) external;

    /// @notice An attested dataset.
    /// @dev Anyone may call. Reverts if the dataset does not exist.
    /// @param datasetId the dataset
    /// @return owner the account that owns the attestation
    /// @return contentHash hash of the dataset's content
    /// @return uri where it lives off chain
    /// @return license its licence
    /// @return attestedAtBlock the block it was attested in
    /// @return revoked whether it was revoked itself (see `isTainted` for ancestors)
    /// @return endorsements the number of auditors that endorsed it
    function getDataset(bytes32 datasetId)
        external
        view
        returns (
            address owner,
            bytes32 contentHash,
            string memory uri,
            string memory license,
            uint64 attestedAtBlock,
            bool revoked,
            uint256 endorsements
        );

    /// @notice The datasets a dataset was derived from.
    /// @dev Anyone may call. Reverts if the dataset does not exist.
    /// @param datasetId the dataset
    /// @return parents its direct parents, in attestation order
    function parentsOf(bytes32 datasetId) external view returns (bytes32[] memory parents);

    /// @notice The datasets derived directly from a dataset.
    /// @dev Anyone may call. Reverts if the dataset does not exist.
    /// @param datasetId the dataset
    /// @return children its direct children, in the order they were attested
    function childrenOf(bytes32 datasetId) external view returns (bytes32[] memory children);

    /// @notice Whether a dataset has been attested.
    /// @dev Anyone may call. Never reverts.
    /// @param datasetId the dataset
    /// @return attested true if it exists (revoked datasets still exist)
    function exists(bytes32 datasetId) external view returns (bool attested);

    /// @notice The EIP-712 domain separator signed attestations are bound to.
    /// @dev Anyone may call. Never reverts. Depends on the chain id, so it differs between networks.
    /// @return separator keccak256 of the encoded domain
    function DOMAIN_SEPARATOR() external view returns (bytes32 separator);
}

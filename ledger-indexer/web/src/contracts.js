// The five native contracts at their fixed addresses, with the ABIs the chaincode module compiles
// from the Solidity interfaces (resolved at build time; nothing here is retyped).
import Permissions from 'abi:Permissions';
import ModelRegistry from 'abi:ModelRegistry';
import DataProvenance from 'abi:DataProvenance';
import ContributionToken from 'abi:ContributionToken';
import QuadraticGovernor from 'abi:QuadraticGovernor';

export const CONTRACTS = {
  Permissions: { address: '0x0000000000000000000000000000000000001000', abi: Permissions },
  ModelRegistry: { address: '0x0000000000000000000000000000000000001001', abi: ModelRegistry },
  DataProvenance: { address: '0x0000000000000000000000000000000000001002', abi: DataProvenance },
  ContributionToken: { address: '0x0000000000000000000000000000000000001003', abi: ContributionToken },
  QuadraticGovernor: { address: '0x0000000000000000000000000000000000001004', abi: QuadraticGovernor },
};

/** Every event name of the five contracts: the event stream's event types. */
export const EVENT_NAMES = [
  ...new Set(
    Object.values(CONTRACTS).flatMap(({ abi }) =>
      abi.filter((entry) => entry.type === 'event').map((entry) => entry.name),
    ),
  ),
];

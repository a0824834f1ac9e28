// What a proposal does and where it stands, in a voter's words.
import { decodeAbiParameters, keccak256, parseAbiParameters, stringToHex } from 'viem';
import { bytes32Text, grouped, tokens } from './format.js';

/** The role ids of DESIGN §4: keccak256 of the role's name. */
const ROLES = Object.fromEntries(
  ['MODEL_OWNER', 'AGGREGATOR', 'CONTRIBUTOR', 'AUDITOR'].map((name) => [keccak256(stringToHex(name)), name]),
);

/** Governed parameters whose value is a token amount, shown in tokens rather than wei. */
const TOKEN_PARAMETERS = new Set(['proposalThreshold', 'maxRewardPerRound']);

/**
 * The nine proposal kinds: each payload's ABI layout and how to say what it does. A sentence is
 * a list of parts: strings, {address} (linked by the views) and {member}.
 */
const KINDS = [
  {
    name: 'set parameter',
    layout: 'bytes32 name, uint256 value',
    say: ([name, value]) => {
      const label = bytes32Text(name);
      const shown = TOKEN_PARAMETERS.has(label) ? tokens(value) : grouped(value);
      return [`set ${label} to ${shown}`];
    },
  },
  {
    name: 'add account',
    layout: 'address account, bytes32 memberId',
    say: ([account, memberId]) => ['add account ', { address: account }, ' to member ', { member: memberId }],
  },
  { name: 'remove account', layout: 'address account', say: ([a]) => ['remove account ', { address: a }] },
  {
    name: 'grant role',
    layout: 'bytes32 role, address account',
    say: ([role, account]) => [`grant ${roleName(role)} to `, { address: account }],
  },
  {
    name: 'revoke role',
    layout: 'bytes32 role, address account',
    say: ([role, account]) => [`revoke ${roleName(role)} from `, { address: account }],
  },
  { name: 'add node', layout: 'address node', say: ([a]) => ['allow node ', { address: a }] },
  { name: 'remove node', layout: 'address node', say: ([a]) => ['remove node ', { address: a }] },
  { name: 'add validator', layout: 'address validator', say: ([a]) => ['add validator ', { address: a }] },
  { name: 'remove validator', layout: 'address validator', say: ([a]) => ['remove validator ', { address: a }] },
];

export const KIND_NAMES = KINDS.map((k) => k.name);

function roleName(role) {
  return ROLES[role.toLowerCase()] || `role ${bytes32Text(role)}`;
}

/** The proposal's action as sentence parts, e.g. ["grant CONTRIBUTOR to ", {address}]. */
export function describeAction(kind, payload) {
  const spec = KINDS[kind];
  if (!spec) return [`an action of unknown kind ${kind}`];
  try {
    const values = decodeAbiParameters(parseAbiParameters(spec.layout), payload);
    return spec.say(values.map((v) => (typeof v === 'string' ? v.toLowerCase() : v)));
  } catch (e) {
    return [`${spec.name} (its payload cannot be read)`];
  }
}

/**
 * The badge of a proposal's state (the indexer's `state`, `blocksLeft`, `executableAt`): its label,
 * its CSS class and a plain detail.
 */
export function stateBadge(p) {
  const left = p.blocksLeft;
  const blocks = (n) => `${n} block${n === 1 ? '' : 's'}`;
  switch (p.state) {
    case 'pending':
      return { label: 'pending', tone: 'pending', detail: left != null ? `voting opens in ${blocks(left)}` : 'voting has not opened' };
    case 'active':
      return { label: 'active', tone: 'active', detail: left != null ? `${blocks(left)} left to vote` : 'voting' };
    case 'defeated':
      return { label: 'defeated', tone: 'defeated', detail: 'not passed: against won or too few voted' };
    case 'queued':
      return { label: 'queued', tone: 'queued', detail: `passed; executable at block ${p.executableAt}` };
    case 'succeeded':
      return { label: 'executable', tone: 'executable', detail: `passed; executable since block ${p.executableAt}` };
    case 'expired':
      return { label: 'expired', tone: 'expired', detail: 'passed but not executed in time' };
    case 'executed':
      return { label: 'executed', tone: 'executed', detail: 'carried out on chain' };
    case 'canceled':
      return { label: 'canceled', tone: 'canceled', detail: 'withdrawn by its proposer' };
    default:
      return { label: p.state, tone: 'pending', detail: '' };
  }
}

export const SUPPORT = ['against', 'for', 'abstain'];

// What a proposal does and where it stands, in a voter's words.
import {
  decodeAbiParameters, encodeAbiParameters, getAddress, isAddress, keccak256, parseAbiParameters, parseUnits, stringToHex,
} from 'viem';
import { bytes32Text, grouped, tokens } from './format.js';

export const ROLE_NAMES = ['MODEL_OWNER', 'AGGREGATOR', 'CONTRIBUTOR', 'AUDITOR'];

/** The role ids of DESIGN §4: keccak256 of the role's name. */
const ROLES = Object.fromEntries(ROLE_NAMES.map((name) => [keccak256(stringToHex(name)), name]));

/** The governed parameters of DESIGN §4. */
export const PARAMETER_NAMES = [
  'capBps', 'quorumBps', 'votingDelay', 'votingPeriod', 'timelockBlocks', 'proposalThreshold', 'maxRewardPerRound',
];

/** Governed parameters whose value is a token amount, shown in tokens rather than wei. */
export const TOKEN_PARAMETERS = new Set(['proposalThreshold', 'maxRewardPerRound']);

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

/** The fields a proposer fills in for each kind, in the order of the kind's payload. */
export const KIND_FIELDS = [
  ['parameter', 'value'],
  ['account', 'member'],
  ['account'],
  ['role', 'account'],
  ['role', 'account'],
  ['account'],
  ['account'],
  ['account'],
  ['account'],
];

/**
 * Checks a proposal's fields and encodes its payload, before anything is signed. Returns
 * {payload} or {errors: {field: sentence}}; a parameter's value is then still checked against its
 * bounds on chain by the caller.
 */
export function encodeAction(kind, fields) {
  const names = KIND_FIELDS[kind];
  if (!names) return { errors: { kind: 'Pick what the proposal should do.' } };
  const errors = {};
  const values = {};
  for (const name of names) {
    const text = String(fields[name] ?? '').trim();
    const checked = FIELD_CHECKS[name](text, fields);
    if (checked.error) errors[name] = checked.error;
    else values[name] = checked.value;
  }
  if (Object.keys(errors).length) return { errors };
  const ordered = names.map((n) => values[n]);
  return { payload: encodeAbiParameters(parseAbiParameters(KINDS[kind].layout), ordered), values };
}

const FIELD_CHECKS = {
  account: (text) =>
    isAddress(text, { strict: false })
      ? { value: getAddress(text) }
      : { error: 'An address is 0x followed by 40 hexadecimal digits.' },
  role: (text) =>
    ROLE_NAMES.includes(text)
      ? { value: keccak256(stringToHex(text)) }
      : { error: `A role is one of ${ROLE_NAMES.join(', ')}.` },
  parameter: (text) =>
    PARAMETER_NAMES.includes(text)
      ? { value: stringToHex(text, { size: 32 }) }
      : { error: `A parameter is one of ${PARAMETER_NAMES.join(', ')}.` },
  value: (text, fields) => {
    const tokensWanted = TOKEN_PARAMETERS.has(String(fields.parameter || '').trim());
    if (tokensWanted ? !/^\d+(\.\d{1,18})?$/.test(text) : !/^\d+$/.test(text)) {
      return { error: tokensWanted ? 'The value is an amount of ACT, e.g. 1000 or 0.5.' : 'The value is a whole number, e.g. 1500.' };
    }
    const value = tokensWanted ? parseUnits(text, 18) : BigInt(text);
    return value < 2n ** 256n ? { value } : { error: 'The value is too large.' };
  },
  member: (text) => {
    if (/^0x[0-9a-fA-F]{64}$/.test(text)) return { value: text.toLowerCase() };
    // a member name: 1 to 32 printable ASCII characters, right-padded with zero bytes
    if (/^[\x20-\x7e]{1,32}$/.test(text)) return { value: stringToHex(text, { size: 32 }) };
    return { error: 'A member is a name of 1 to 32 ASCII characters (e.g. acme-ai) or a 32-byte hex id.' };
  },
};

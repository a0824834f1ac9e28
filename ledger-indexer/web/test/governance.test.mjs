// The propose form's checks and encodings of all nine kinds, held to the sentences the proposal
// list decodes them into: what a proposer types is what voters read.
import test from 'node:test';
import assert from 'node:assert/strict';
import { describeAction, encodeAction, KIND_FIELDS, KIND_NAMES } from '../src/governance.js';

const ADDRESS = '0xa0Ee7A142d267C1f36714E4a8F75612F20a79720';
const SHORT = ADDRESS.toLowerCase();

// what each kind's valid fields encode to, as the list says it
const CASES = [
  [0, { parameter: 'capBps', value: '1500' }, ['set capBps to 1,500']],
  [0, { parameter: 'proposalThreshold', value: '2.5' }, ['set proposalThreshold to 2.5 ACT']],
  [1, { account: ADDRESS, member: 'holder-one' }, ['add account ', { address: SHORT }, ' to member ', { member: '0x686f6c6465722d6f6e65' + '0'.repeat(44) }]],
  [2, { account: ADDRESS }, ['remove account ', { address: SHORT }]],
  [3, { role: 'AUDITOR', account: ADDRESS }, ['grant AUDITOR to ', { address: SHORT }]],
  [4, { role: 'CONTRIBUTOR', account: ADDRESS }, ['revoke CONTRIBUTOR from ', { address: SHORT }]],
  [5, { account: ADDRESS }, ['allow node ', { address: SHORT }]],
  [6, { account: ADDRESS }, ['remove node ', { address: SHORT }]],
  [7, { account: ADDRESS }, ['add validator ', { address: SHORT }]],
  [8, { account: ADDRESS }, ['remove validator ', { address: SHORT }]],
];

test('every one of the nine kinds encodes to the action voters will read', () => {
  assert.equal(KIND_NAMES.length, 9);
  assert.deepEqual([...new Set(CASES.map(([kind]) => kind))], [0, 1, 2, 3, 4, 5, 6, 7, 8]);
  for (const [kind, fields, sentence] of CASES) {
    const { payload, errors } = encodeAction(kind, fields);
    assert.equal(errors, undefined, `${KIND_NAMES[kind]}: ${JSON.stringify(errors)}`);
    assert.deepEqual(describeAction(kind, payload), sentence, KIND_NAMES[kind]);
  }
});

test('bad fields are refused with a sentence per field, before anything is encoded', () => {
  const refused = [
    [3, { role: 'AUDITOR', account: '0x1234' }, 'account', /40 hexadecimal digits/],
    [3, { role: 'OWNER', account: ADDRESS }, 'role', /MODEL_OWNER, AGGREGATOR, CONTRIBUTOR, AUDITOR/],
    [0, { parameter: 'gasLimit', value: '1' }, 'parameter', /capBps/],
    [0, { parameter: 'capBps', value: '-1' }, 'value', /whole number/],
    [0, { parameter: 'capBps', value: '1.5' }, 'value', /whole number/],
    [0, { parameter: 'maxRewardPerRound', value: 'lots' }, 'value', /amount of ACT/],
    [0, { parameter: 'capBps', value: (2n ** 256n).toString() }, 'value', /too large/],
    [1, { account: ADDRESS, member: 'x'.repeat(33) }, 'member', /1 to 32 ASCII/],
    [1, { account: ADDRESS, member: '' }, 'member', /1 to 32 ASCII/],
    [5, { account: '' }, 'account', /40 hexadecimal digits/],
  ];
  for (const [kind, fields, field, message] of refused) {
    const { payload, errors } = encodeAction(kind, fields);
    assert.equal(payload, undefined, JSON.stringify(fields));
    assert.match(errors[field], message, JSON.stringify(fields));
  }
});

test('a member given as a 32-byte id is taken as it is', () => {
  const id = `0x${'ab'.repeat(32)}`;
  const { payload } = encodeAction(1, { account: ADDRESS, member: id.toUpperCase().replace('0X', '0x') });
  assert.deepEqual(describeAction(1, payload)[3], { member: id });
});

test('each kind asks for exactly the fields of its payload', () => {
  assert.deepEqual(KIND_FIELDS.map((f) => f.length), [2, 2, 1, 2, 2, 1, 1, 1, 1]);
});

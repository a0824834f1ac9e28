// EIP-1193 errors as the sentences a voter reads: never raw JSON, a rejection not a failure.
import test from 'node:test';
import assert from 'node:assert/strict';
import { walletError } from '../src/wallet.js';

test('a rejection in the wallet is "cancelled", not an error', () => {
  assert.deepEqual(walletError({ code: 4001, message: 'User rejected the request.' }), {
    tone: 'cancelled',
    text: 'Cancelled in the wallet; nothing was sent.',
  });
});

test('the standard provider errors each have their own sentence', () => {
  const texts = [4100, 4200, 4900, 4901, 4902].map((code) => walletError({ code, message: 'x' }));
  for (const t of texts) assert.equal(t.tone, 'error');
  assert.equal(new Set(texts.map((t) => t.text)).size, 5);
  assert.match(texts[0].text, /not allowed this page/);
  assert.match(texts[1].text, /does not support/);
  assert.match(texts[2].text, /disconnected/);
  assert.match(texts[3].text, /chain 1337/);
});

test('a revert reason wins over the code', () => {
  const said = walletError({ code: 3, message: 'execution reverted' }, () => 'round 3 is closed');
  assert.equal(said.text, 'The ledger refused it: round 3 is closed.');
});

test('a wallet message that is JSON is never shown', () => {
  const said = walletError({ code: -32603, message: '{"code":-32000,"message":"nonce too low"}' });
  assert.equal(said.text, 'The wallet could not do it.');
  assert.equal(walletError({ code: -32603, message: 'Nonce too low' }).text, 'Nonce too low.');
});

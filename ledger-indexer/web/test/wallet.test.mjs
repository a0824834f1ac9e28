// EIP-1193 errors as the sentences a voter reads: never raw JSON, a rejection not a failure.
import test from 'node:test';
import assert from 'node:assert/strict';
import { addChainParams, CHAIN_ID, Connection, walletError } from '../src/wallet.js';

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

// A wallet that does not know chain 0x539 until it is added: it answers like an EIP-1193
// provider and keeps every request, so a test sees what the page asked of it.
function walletWithoutTheChain() {
  const asked = [];
  let known = false;
  let chain = '0x1';
  const provider = {
    async request({ method, params }) {
      asked.push({ method, params });
      if (method === 'wallet_switchEthereumChain') {
        if (!known) throw Object.assign(new Error('Unrecognized chain ID'), { code: 4902 });
        chain = params[0].chainId;
        return null;
      }
      if (method === 'wallet_addEthereumChain') {
        known = true;
        return null;
      }
      if (method === 'eth_chainId') return chain;
      throw Object.assign(new Error('unsupported'), { code: 4200 });
    },
  };
  return { provider, asked };
}

function connectedTo(provider, rpcUrl) {
  const connection = new Connection(async () => rpcUrl);
  connection.set({ wallet: { info: { uuid: 'w' }, provider }, account: '0xabc', chainId: 1, status: 'connected' });
  return connection;
}

test('a wallet without the chain is offered the URL the indexer publishes, then switched', async () => {
  const { provider, asked } = walletWithoutTheChain();
  const connection = connectedTo(provider, 'https://rpc.ledger.example/v1');

  await connection.ensureChain();

  const add = asked.find((r) => r.method === 'wallet_addEthereumChain');
  assert.ok(add, 'the chain was offered to the wallet');
  assert.equal(add.params[0].chainId, '0x539');
  assert.deepEqual(add.params[0].rpcUrls, ['https://rpc.ledger.example/v1']);
  assert.equal(connection.state.chainId, CHAIN_ID);
});

test('without a published URL the chain is not offered and the user is told to add it by hand', async () => {
  const { provider, asked } = walletWithoutTheChain();
  const connection = connectedTo(provider, null);

  await assert.rejects(connection.ensureChain(), (e) => {
    const said = walletError(e);
    assert.equal(said.tone, 'error');
    assert.match(said.text, /add chain 1337 \(0x539\) to the wallet by hand/);
    return true;
  });

  assert.equal(asked.some((r) => r.method === 'wallet_addEthereumChain'), false);
  assert.doesNotMatch(JSON.stringify(asked), /127\.0\.0\.1/);
  assert.equal(connection.state.chainId, 1);
});

test('only an http(s) URL is offered to a wallet', () => {
  assert.equal(addChainParams(null), null);
  assert.equal(addChainParams(''), null);
  assert.equal(addChainParams('ws://rpc.ledger.example'), null);
  assert.deepEqual(addChainParams('http://127.0.0.1:8545').rpcUrls, ['http://127.0.0.1:8545']);
});

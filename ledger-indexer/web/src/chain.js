// Reading the contracts and sending transactions through the connected wallet (EIP-1193): the
// wallet signs, the page only encodes calls with viem and the compiled ABIs, and turns every
// failure into a sentence.
import { decodeAbiParameters, decodeFunctionResult, encodeFunctionData, numberToHex } from 'viem';
import { CONTRACTS } from './contracts.js';
import { read } from './api.js';

const ERROR_STRING = '0x08c379a0';
const RECEIPT_POLL_MS = 500;
// the devnet makes a block a second; a minute covers a busy chain and a slow wallet
const RECEIPT_WAIT_MS = 60000;
const INDEXER_TRIES = 20;

/** eth_call of a view function of one of the five contracts, at `block` (a number or 'latest'). */
export async function callView(provider, contract, functionName, args, block = 'latest') {
  const { address, abi } = CONTRACTS[contract];
  const data = encodeFunctionData({ abi, functionName, args });
  const tag = typeof block === 'number' || typeof block === 'bigint' ? numberToHex(block) : block;
  const result = await provider.request({ method: 'eth_call', params: [{ to: address, data }, tag] });
  return decodeFunctionResult({ abi, functionName, data: result });
}

/** The Error(string) reason in a JSON-RPC or wallet error's data, wherever the wallet put it. */
export function revertReason(error) {
  for (const data of [error && error.data, error && error.data && error.data.data, error && error.data && error.data.originalError && error.data.originalError.data]) {
    if (typeof data === 'string' && data.toLowerCase().startsWith(ERROR_STRING)) {
      try {
        const [reason] = decodeAbiParameters([{ type: 'string' }], `0x${data.slice(10)}`);
        return reason;
      } catch (e) {
        return null;
      }
    }
  }
  return null;
}

/**
 * Sends one contract call through the wallet and waits until it is mined and the indexer shows
 * it. First an eth_call of the same transaction, so a call the ledger would refuse is explained
 * before the wallet asks to sign it. Returns the receipt and the indexer's answer; throws an Error whose `reason` is the
 * revert reason when the ledger refused it.
 */
export async function sendCall(provider, from, contract, functionName, args, indexedAs) {
  const { address, abi } = CONTRACTS[contract];
  const tx = { from, to: address, data: encodeFunctionData({ abi, functionName, args }) };
  await provider.request({ method: 'eth_call', params: [tx, 'latest'] });
  const hash = await provider.request({ method: 'eth_sendTransaction', params: [tx] });
  const receipt = await waitForReceipt(provider, hash);
  if (receipt.status !== '0x1') {
    // replay it on the state it met, for the reason the receipt does not carry
    const before = numberToHex(BigInt(receipt.blockNumber) - 1n);
    try {
      await provider.request({ method: 'eth_call', params: [tx, before] });
    } catch (e) {
      if (revertReason(e)) throw e;
    }
    throw new Error(`The transaction failed on chain in block ${BigInt(receipt.blockNumber)}.`);
  }
  const indexed = indexedAs ? await waitForIndexer(indexedAs, Number(BigInt(receipt.blockNumber))) : null;
  return { receipt, indexed };
}

async function waitForReceipt(provider, hash) {
  const until = Date.now() + RECEIPT_WAIT_MS;
  while (Date.now() < until) {
    const receipt = await provider.request({ method: 'eth_getTransactionReceipt', params: [hash] });
    if (receipt) return receipt;
    await sleep(RECEIPT_POLL_MS);
  }
  throw new Error(`Transaction ${hash.slice(0, 10)}… was not mined within a minute; it may still be.`);
}

/** Reads `path` with minBlock, so the result the page shows next includes the transaction. */
async function waitForIndexer(path, block) {
  const sep = path.includes('?') ? '&' : '?';
  for (let i = 0; i < INDEXER_TRIES; i++) {
    try {
      return await read(`${path}${sep}minBlock=${block}`);
    } catch (e) {
      // 503: not indexed yet within the indexer's own wait; ask again
      if (e.status !== 503) throw e;
    }
  }
  throw new Error(`The indexer has not reached block ${block} yet; the page will show it when it does.`);
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

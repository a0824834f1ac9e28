// A wallet for browser tests, injected into the page: it announces itself by EIP-6963 and answers
// EIP-1193 requests, but the keys stay in this process (ethers), so a test decides what the
// "user" does: approve, reject the next request (4001), switch accounts (accountsChanged) or
// chains (chainChanged); what the wallet does: fail the next request with a provider error (4100,
// 4200, 4900, 4901), or hold a signed transaction while the chain moves on before it broadcasts
// it. Reads are passed to the node's JSON-RPC as they are, errors included.
import { HDNodeWallet, JsonRpcProvider } from 'ethers';

const MNEMONIC = 'test test test test test test test test test test test junk';
const LEDGER_CHAIN = '0x539';

// EIP-1193's provider errors, with messages in the style wallets give them
const PROVIDER_ERRORS = {
  4100: 'The requested method and/or account has not been authorized by the user.',
  4200: 'The Provider does not support the requested method.',
  4900: 'The Provider is disconnected from all chains.',
  4901: 'The Provider is not connected to the requested chain.',
};

function rpcError(code, message, data) {
  return { error: { code, message, ...(data === undefined ? {} : { data }) } };
}

// a tiny square icon as a data: URL, which the page's CSP allows for announced icons
function icon(color) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><rect width="20" height="20" rx="4" fill="${color}"/></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** What the page side runs before any of the page's scripts: one provider per wallet. */
function pageSide(wallets) {
  const providers = {};
  for (const w of wallets) {
    const listeners = {};
    const provider = {
      async request({ method, params }) {
        const answer = await window.__testWallet(w.name, method, params || []);
        if (answer.error) throw Object.assign(new Error(answer.error.message), answer.error);
        return answer.result;
      },
      on(event, fn) {
        (listeners[event] ||= new Set()).add(fn);
        return provider;
      },
      removeListener(event, fn) {
        listeners[event]?.delete(fn);
        return provider;
      },
      emit(event, value) {
        for (const fn of listeners[event] || []) fn(value);
      },
    };
    providers[w.name] = provider;
    const detail = Object.freeze({ info: Object.freeze({ uuid: w.uuid, name: w.name, icon: w.icon, rdns: w.rdns }), provider });
    const announce = () => window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail }));
    window.addEventListener('eip6963:requestProvider', announce);
    announce();
  }
  window.__testWalletEmit = (name, event, value) => providers[name].emit(event, value);
}

export class TestWallets {
  /**
   * @param rpcUrl the node's JSON-RPC the wallets read from and send to
   * @param specs [{name, account, chainId, knownChains}] (account: index of the devnet mnemonic)
   */
  constructor(rpcUrl, specs) {
    this.rpcUrl = rpcUrl;
    this.provider = new JsonRpcProvider(rpcUrl, undefined, { staticNetwork: true });
    this.wallets = Object.fromEntries(
      specs.map((s, i) => [s.name, {
        ...s, uuid: `00000000-0000-4000-8000-00000000000${i}`, rdns: `test.ailedger.wallet${i}`, icon: icon(['#2450b8', '#1d7a46'][i % 2]),
        known: new Set(s.knownChains || [s.chainId]), rejectNext: false, failNext: null, beforeBroadcast: null,
        sent: [], added: [], switched: [],
      }]),
    );
    // deriving a key costs a PBKDF2 of the mnemonic: once per account
    this.keys = new Map();
  }

  /** Injects the wallets into every page of `context`. */
  async install(context) {
    await context.exposeBinding('__testWallet', (source, name, method, params) => {
      return this.answer(source.page, this.wallets[name], method, params);
    });
    const specs = Object.values(this.wallets).map(({ name, uuid, rdns, icon: i }) => ({ name, uuid, rdns, icon: i }));
    await context.addInitScript(pageSide, specs);
  }

  key(index) {
    if (!this.keys.has(index)) this.keys.set(index, HDNodeWallet.fromPhrase(MNEMONIC, undefined, `m/44'/60'/0'/0/${index}`));
    return this.keys.get(index);
  }

  address(index) {
    return this.key(index).address.toLowerCase();
  }

  signer(index) {
    return this.key(index).connect(this.provider);
  }

  /** The user rejects whatever the wallet asks next. */
  rejectNext(name) {
    this.wallets[name].rejectNext = true;
  }

  /** The wallet answers the next request it would ask the user about with EIP-1193 error `code`. */
  failNext(name, code) {
    this.wallets[name].failNext = code;
  }

  /**
   * The next transaction is estimated and signed, then held until `hold` (async) resolves before
   * it is broadcast: what happens to a user who signs while another transaction gets in first.
   */
  holdNextBroadcast(name, hold) {
    this.wallets[name].beforeBroadcast = hold;
  }

  /** The user switches the wallet to another account: the page hears accountsChanged. */
  async switchAccount(page, name, index) {
    this.wallets[name].account = index;
    await page.evaluate(([n, a]) => window.__testWalletEmit(n, 'accountsChanged', [a]), [name, this.address(index)]);
  }

  async emit(page, wallet, event, value) {
    await page.evaluate(([n, e, v]) => window.__testWalletEmit(n, e, v), [wallet.name, event, value]);
  }

  async answer(page, wallet, method, params) {
    const asks = ['eth_requestAccounts', 'eth_sendTransaction', 'wallet_switchEthereumChain', 'wallet_addEthereumChain'];
    if (asks.includes(method) && wallet.rejectNext) {
      wallet.rejectNext = false;
      return rpcError(4001, 'User rejected the request.');
    }
    if (asks.includes(method) && wallet.failNext) {
      const code = wallet.failNext;
      wallet.failNext = null;
      return rpcError(code, PROVIDER_ERRORS[code]);
    }
    switch (method) {
      case 'eth_requestAccounts':
      case 'eth_accounts':
        return { result: [this.address(wallet.account)] };
      case 'eth_chainId':
        return { result: wallet.chainId };
      case 'wallet_switchEthereumChain': {
        const target = params[0].chainId.toLowerCase();
        wallet.switched.push(target);
        if (!wallet.known.has(target)) return rpcError(4902, `Unrecognized chain ID "${target}".`);
        if (wallet.chainId !== target) {
          wallet.chainId = target;
          // the event after the answer, as wallets do
          setTimeout(() => this.emit(page, wallet, 'chainChanged', target).catch(() => {}), 0);
        }
        return { result: null };
      }
      case 'wallet_addEthereumChain':
        wallet.added.push(params[0]);
        wallet.known.add(params[0].chainId.toLowerCase());
        return { result: null };
      case 'eth_sendTransaction':
        return this.send(wallet, params[0]);
      default:
        return this.forward(method, params);
    }
  }

  async send(wallet, tx) {
    if (wallet.chainId !== LEDGER_CHAIN) return rpcError(4901, 'The wallet is not connected to that chain.');
    const signer = this.signer(wallet.account);
    if (tx.from && tx.from.toLowerCase() !== signer.address.toLowerCase()) {
      return rpcError(4100, 'The requested account has not been authorized.');
    }
    let populated;
    try {
      populated = await signer.populateTransaction({ to: tx.to, data: tx.data, value: tx.value || 0 });
    } catch (e) {
      // a refused estimate: hand the page the revert data, as wallets pass it on
      return rpcError(3, e.shortMessage || 'execution reverted', e.data || e.info?.error?.data);
    }
    const raw = await signer.signTransaction(populated);
    if (wallet.beforeBroadcast) {
      const hold = wallet.beforeBroadcast;
      wallet.beforeBroadcast = null;
      await hold();
    }
    const answer = await this.forward('eth_sendRawTransaction', [raw]);
    if (answer.result) wallet.sent.push({ hash: answer.result, to: tx.to, data: tx.data });
    return answer;
  }

  async forward(method, params) {
    const response = await fetch(this.rpcUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    });
    const body = await response.json();
    return body.error ? { error: body.error } : { result: body.result };
  }
}

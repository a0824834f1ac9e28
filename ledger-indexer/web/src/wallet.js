// Wallets by the standards. Discovery by EIP-6963 (every installed wallet announces itself; the
// user picks one), with a lone window.ethereum (EIP-1193) as the fallback. Discovery never
// connects: connecting happens only on a click. The connection follows the wallet's
// accountsChanged, chainChanged and disconnect events; the page never holds a key.
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { read } from './api.js';

/** The ledger's chain id (the devnet's and every network's genesis uses 1337). */
export const CHAIN_ID = 1337;
export const CHAIN_HEX = '0x539';

/** Said when a wallet does not know the chain and the indexer publishes no URL to add it with. */
export const ADD_BY_HAND =
  "Your wallet does not know the ledger's chain and this indexer publishes no JSON-RPC URL for it: add chain 1337 (0x539) to the wallet by hand, then try again.";

/**
 * The wallet_addEthereumChain parameters for the ledger's chain at `rpcUrl`, the JSON-RPC URL the
 * indexer's operator publishes for wallets; null when none is published, since any URL the page
 * guessed would be wrong for every network but the devnet.
 */
export function addChainParams(rpcUrl) {
  if (typeof rpcUrl !== 'string' || !/^https?:\/\//.test(rpcUrl)) return null;
  return {
    chainId: CHAIN_HEX,
    chainName: 'AI Contribution Ledger',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: [rpcUrl],
  };
}

/** The published JSON-RPC URL for wallets (/v1/network's publicRpcUrl), or null. */
async function publishedRpcUrl() {
  const answer = await read('network');
  return answer.data.publicRpcUrl ?? null;
}

/** The wallets announced so far: [{info: {uuid, name, icon, rdns}, provider}]. */
export function useWallets() {
  const [wallets, setWallets] = useState([]);
  useEffect(() => {
    const onAnnounce = (event) => {
      const { info, provider } = event.detail || {};
      if (!info || !provider || typeof provider.request !== 'function') return;
      setWallets((known) => (known.some((w) => w.info.uuid === info.uuid) ? known : [...known, { info, provider }]));
    };
    window.addEventListener('eip6963:announceProvider', onAnnounce);
    window.dispatchEvent(new Event('eip6963:requestProvider'));
    return () => window.removeEventListener('eip6963:announceProvider', onAnnounce);
  }, []);
  if (wallets.length === 0 && window.ethereum && typeof window.ethereum.request === 'function') {
    return [{ info: { uuid: 'window.ethereum', name: 'Browser wallet', icon: '', rdns: '' }, provider: window.ethereum }];
  }
  return wallets;
}

/**
 * EIP-1193 and JSON-RPC errors as a sentence and a tone: "cancelled" for the user's own no
 * (4001), "error" for the rest. A revert's reason comes from its Error(string) data.
 */
export function walletError(error, revertReason) {
  const code = error && (error.code ?? (error.data && error.data.originalError && error.data.originalError.code));
  const reason = revertReason && revertReason(error);
  if (reason) return { tone: 'error', text: `The ledger refused it: ${reason}.` };
  switch (code) {
    case 4001:
      return { tone: 'cancelled', text: 'Cancelled in the wallet; nothing was sent.' };
    case 4100:
      return { tone: 'error', text: 'The wallet has not allowed this page to use that account; connect again.' };
    case 4200:
      return { tone: 'error', text: 'The wallet does not support this request.' };
    case 4900:
      return { tone: 'error', text: 'The wallet is disconnected from every chain; reconnect it.' };
    case 4901:
      return { tone: 'error', text: "The wallet is not connected to the ledger's chain; switch it to chain 1337." };
    case 4902:
      return { tone: 'error', text: 'The wallet does not know the ledger\'s chain (1337).' };
    case -32002:
      return { tone: 'error', text: 'The wallet is already asking something; answer it in its window first.' };
    default: {
      const message = error && typeof error.message === 'string' ? error.message.trim() : '';
      // a wallet's message may be a whole JSON document: never show that
      if (message && !/^[[{]/.test(message) && message.length < 200) {
        return { tone: 'error', text: /[.!?]$/.test(message) ? message : `${message}.` };
      }
      return { tone: 'error', text: 'The wallet could not do it.' };
    }
  }
}

/**
 * One connection to a picked wallet: its account and chain, followed by the wallet's events.
 * Views subscribe with useConnection(); changes go to every subscriber.
 */
export class Connection {
  /** @param rpcUrl resolves to the JSON-RPC URL to offer a wallet that lacks the chain, or null */
  constructor(rpcUrl = publishedRpcUrl) {
    this.rpcUrl = rpcUrl;
    this.state = { wallet: null, account: null, chainId: null, status: 'idle', message: null };
    this.listeners = new Set();
    this.unsubscribe = null;
  }

  set(patch) {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }

  /** Asks the picked wallet for its accounts: the only place the page connects. */
  async connect(wallet) {
    this.drop();
    this.set({ wallet, account: null, chainId: null, status: 'connecting', message: null });
    const provider = wallet.provider;
    try {
      const accounts = await provider.request({ method: 'eth_requestAccounts' });
      const chainId = await provider.request({ method: 'eth_chainId' });
      this.follow(provider);
      this.set({ account: lower(accounts[0]), chainId: Number(chainId), status: accounts.length ? 'connected' : 'idle' });
    } catch (e) {
      this.set({ wallet: null, status: 'idle', message: walletError(e) });
      return;
    }
    // a refused switch leaves the wallet connected, read-only until it is on the ledger's chain
    if (this.state.chainId !== CHAIN_ID) {
      try {
        await this.ensureChain();
      } catch (e) {
        this.set({ message: walletError(e) });
      }
    }
  }

  follow(provider) {
    if (typeof provider.on !== 'function') return;
    const onAccounts = (accounts) =>
      accounts && accounts.length
        ? this.set({ account: lower(accounts[0]), status: 'connected', message: null })
        : this.set({ account: null, status: 'idle', message: { tone: 'cancelled', text: 'The wallet disconnected this page.' } });
    const onChain = (chainId) => this.set({ chainId: Number(chainId), message: null });
    const onDisconnect = () =>
      this.set({ account: null, chainId: null, status: 'idle', message: { tone: 'error', text: 'The wallet is disconnected from every chain; reconnect it.' } });
    provider.on('accountsChanged', onAccounts);
    provider.on('chainChanged', onChain);
    provider.on('disconnect', onDisconnect);
    this.unsubscribe = () => {
      const off = (provider.removeListener || provider.off || (() => {})).bind(provider);
      off('accountsChanged', onAccounts);
      off('chainChanged', onChain);
      off('disconnect', onDisconnect);
    };
  }

  /**
   * Switches the wallet to chain 0x539, adding it first (at the indexer's published JSON-RPC URL)
   * when the wallet does not know it; without a published URL the user is asked to add it by hand.
   */
  async ensureChain() {
    const { wallet, chainId } = this.state;
    if (!wallet) throw Object.assign(new Error('Connect a wallet first.'), { code: 4100 });
    if (chainId === CHAIN_ID) return;
    const provider = wallet.provider;
    try {
      await provider.request({ method: 'wallet_switchEthereumChain', params: [{ chainId: CHAIN_HEX }] });
    } catch (e) {
      const code = e && (e.code ?? (e.data && e.data.originalError && e.data.originalError.code));
      if (code !== 4902) throw e;
      const chain = addChainParams(await this.rpcUrl());
      if (!chain) throw new Error(ADD_BY_HAND);
      await provider.request({ method: 'wallet_addEthereumChain', params: [chain] });
      await provider.request({ method: 'wallet_switchEthereumChain', params: [{ chainId: CHAIN_HEX }] });
    }
    this.set({ chainId: Number(await provider.request({ method: 'eth_chainId' })) });
  }

  drop() {
    if (this.unsubscribe) this.unsubscribe();
    this.unsubscribe = null;
  }

  /** Forgets the wallet (and asks it to forget this page, when it can). */
  async disconnect() {
    const { wallet } = this.state;
    this.drop();
    this.set({ wallet: null, account: null, chainId: null, status: 'idle', message: null });
    if (wallet) {
      try {
        await wallet.provider.request({ method: 'wallet_revokePermissions', params: [{ eth_accounts: {} }] });
      } catch (e) {
        // optional (EIP-2255): a wallet without it keeps its permission, the page forgets anyway
      }
    }
  }
}

function lower(address) {
  return typeof address === 'string' ? address.toLowerCase() : null;
}

/** The page's one connection, provided by the app to every view. */
export const ConnectionContext = createContext(null);

/** The connection and its state, re-rendering on every change. */
export function useConnection() {
  const connection = useContext(ConnectionContext);
  const [state, setState] = useState(connection.state);
  useEffect(() => {
    connection.listeners.add(setState);
    setState(connection.state);
    return () => connection.listeners.delete(setState);
  }, [connection]);
  return [connection, state];
}

// The governance and explorer page: a hash router over the views, the wallet bar and the live
// event stream. Everything it shows is read from the indexer's REST API on the same origin.
import './page.css';
import { html } from 'htm/preact';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { startLive } from './live.js';
import { Connection, ConnectionContext, useConnection, useWallets } from './wallet.js';
import { ProposeForm } from './views/act.js';
import { Address } from './ui.js';
import { ProposalList, ProposalPage } from './views/proposals.js';
import { ModelList, ModelPage, RoundPage } from './views/models.js';
import { DatasetPage } from './views/datasets.js';
import { AccountPage, MemberPage } from './views/accounts.js';
import { NetworkPage } from './views/network.js';
import { BlockList, BlockPage, TransactionPage } from './views/blocks.js';

const HEX32 = '(0x[0-9a-fA-F]{64})';
const ADDRESS = '(0x[0-9a-fA-F]{40})';

/** Hash routes: #/proposals/1, #/models/0x…/rounds/2, … The first match wins. */
const ROUTES = [
  [/^\/?$/, () => html`<${ProposalList} />`, 'proposals'],
  [/^\/proposals$/, () => html`<${ProposalList} />`, 'proposals'],
  [/^\/propose$/, () => html`<${ProposeForm} />`, 'propose'],
  [/^\/proposals\/(\d+)$/, ([id]) => html`<${ProposalPage} id=${id} />`, 'proposals'],
  [/^\/models$/, () => html`<${ModelList} />`, 'models'],
  [new RegExp(`^/models/${HEX32}$`), ([id]) => html`<${ModelPage} id=${id.toLowerCase()} />`, 'models'],
  [new RegExp(`^/models/${HEX32}/rounds/(\\d+)$`), ([id, round]) => html`<${RoundPage} id=${id.toLowerCase()} round=${round} />`, 'models'],
  [new RegExp(`^/datasets/${HEX32}$`), ([id]) => html`<${DatasetPage} id=${id.toLowerCase()} />`, 'models'],
  [new RegExp(`^/accounts/${ADDRESS}$`), ([a]) => html`<${AccountPage} address=${a.toLowerCase()} />`, 'network'],
  [new RegExp(`^/members/${HEX32}$`), ([id]) => html`<${MemberPage} id=${id.toLowerCase()} />`, 'network'],
  [/^\/network$/, () => html`<${NetworkPage} />`, 'network'],
  [/^\/blocks$/, () => html`<${BlockList} />`, 'blocks'],
  [/^\/blocks\/(\d+)$/, ([n]) => html`<${BlockPage} number=${n} />`, 'blocks'],
  [new RegExp(`^/tx/${HEX32}$`), ([h]) => html`<${TransactionPage} hash=${h.toLowerCase()} />`, 'blocks'],
];

function useHash() {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const onChange = () => {
      setHash(location.hash);
      window.scrollTo(0, 0);
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return hash.replace(/^#/, '');
}

function route(path) {
  for (const [pattern, view, section] of ROUTES) {
    const match = pattern.exec(path);
    if (match) return { view: view(match.slice(1)), section };
  }
  return { view: html`<section><h1>Not found</h1><p>Nothing lives at <code>#${path}</code>. <a href="#/">See the proposals.</a></p></section>`, section: '' };
}

function WalletBar() {
  const wallets = useWallets();
  const [connection, conn] = useConnection();
  if (wallets.length === 0) {
    return html`<p class="wallet-hint" data-wallet="none">No wallet found: this page is read-only. To vote, install a browser wallet
      (MetaMask, Rabby, Frame, or a hardware wallet through one of them) and reload.</p>`;
  }
  const message = conn.message && html`<span class=${`outcome ${conn.message.tone}`} role="status">${conn.message.text}</span>`;
  if (conn.wallet && conn.account) {
    return html`<div class="wallet-bar" data-wallet="connected">
      ${conn.wallet.info.icon && html`<img src=${conn.wallet.info.icon} alt="" width="20" height="20" />`}
      <span>${conn.wallet.info.name}: <${Address} value=${conn.account} /></span>
      ${conn.chainId !== 1337 && html`<span class="wrong-chain">on chain ${conn.chainId}, not the ledger's</span>`}
      <button class="disconnect" onClick=${() => connection.disconnect()}>Disconnect</button>
      ${message}
    </div>`;
  }
  // every announced wallet, by its own name and icon: the user picks one, nothing connects before
  return html`<div class="wallet-bar" data-wallet="found">
    <span>Connect a wallet to vote or propose:</span>
    ${wallets.map((w) => html`<button class="wallet-choice" data-rdns=${w.info.rdns} disabled=${conn.status === 'connecting'}
      onClick=${() => connection.connect(w)}>${w.info.icon && html`<img src=${w.info.icon} alt="" width="20" height="20" />`} ${w.info.name}</button>`)}
    ${message}
  </div>`;
}

function App() {
  const path = useHash();
  const { view, section } = route(path);
  const nav = [
    ['proposals', '#/proposals', 'Proposals'],
    ['propose', '#/propose', 'Propose'],
    ['models', '#/models', 'Models'],
    ['network', '#/network', 'Network'],
    ['blocks', '#/blocks', 'Blocks'],
  ];
  return html`<header>
      <a class="brand" href="#/">AI Contribution Ledger</a>
      <nav>${nav.map(([key, href, label]) => html`<a href=${href} class=${section === key ? 'current' : ''}>${label}</a>`)}</nav>
    </header>
    <${WalletBar} />
    <main>${view}</main>`;
}

startLive();
render(html`<${ConnectionContext.Provider} value=${new Connection()}><${App} /><//>`, document.getElementById('app'));

// The governance and explorer page: a hash router over the views, the wallet bar and the live
// event stream. Everything it shows is read from the indexer's REST API on the same origin.
import './page.css';
import { html } from 'htm/preact';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { startLive } from './live.js';
import { useWallets } from './wallet.js';
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
  if (wallets.length === 0) {
    return html`<p class="wallet-hint" data-wallet="none">No wallet found: this page is read-only. To vote, install a browser wallet
      (MetaMask, Rabby, Frame, or a hardware wallet through one of them) and reload.</p>`;
  }
  return html`<p class="wallet-hint" data-wallet="found">Wallets found: ${wallets.map((w) => w.info.name).join(', ')}.
    Voting from this page is not available yet; vote with <code>ailedger gov vote</code> meanwhile.</p>`;
}

function App() {
  const path = useHash();
  const { view, section } = route(path);
  const nav = [
    ['proposals', '#/proposals', 'Proposals'],
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
render(html`<${App} />`, document.getElementById('app'));

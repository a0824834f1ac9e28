// Explorer: recent blocks with ledger events, one block's transactions, one transaction's events.
import { html } from 'htm/preact';
import { read } from '../api.js';
import { time } from '../format.js';
import { AsOf, Block, Hex, Loaded, Tx, useRead } from '../ui.js';

export function BlockList() {
  const state = useRead('blocks?limit=25');
  return html`<section>
    <h1>Recent blocks</h1>
    <p class="muted">Blocks in which a ledger contract emitted an event, newest first.</p>
    <${Loaded} state=${state}>${(answer) => html`<ul class="rows blocks">${answer.data.map((b) => html`<li class="row">
        <div><${Block} number=${b.number} /></div>
        <div>${time(b.timestamp)}</div>
        <div><span class="label">transactions</span> ${b.transactionCount}</div>
        <div><span class="label">events</span> ${b.eventCount}</div>
      </li>`)}</ul><${AsOf} block=${answer.block} />`}<//>
  </section>`;
}

export function BlockPage({ number }) {
  const state = useRead(`blocks/${number}`);
  return html`<section>
    <h1>Block ${number}</h1>
    <${Loaded} state=${state}>${(answer) => {
      const b = answer.data;
      return html`<div>
        <p>${time(b.timestamp)} · hash <${Hex} value=${b.hash} /> · parent <${Hex} value=${b.parentHash} /></p>
        <h2>Transactions (${b.transactionCount})</h2>
        <ul class="rows">${b.transactions.map((t) => html`<li class="row">
          <div><span class="label">index</span> ${t.index}</div>
          <div><${Tx} hash=${t.hash} /></div>
          <div><span class="label">events</span> ${t.eventCount}</div>
        </li>`)}</ul>
        <${AsOf} block=${answer.block} />
      </div>`;
    }}<//>
  </section>`;
}

export function TransactionPage({ hash }) {
  const state = useRead(`transactions/${hash}`);
  return html`<section>
    <h1>Transaction <${Hex} value=${hash} /></h1>
    <${Loaded} state=${state}>${(answer) => {
      const t = answer.data;
      return html`<div>
        <p>in block <${Block} number=${t.blockNumber} /> at index ${t.index}, ${time(t.timestamp)}</p>
        <h2>Events (${t.eventCount})</h2>
        <ul class="rows events">${t.events.map((e) => html`<li class="row event">
          <div><strong>${e.event}</strong> <span class="muted">of ${e.contract}</span></div>
          <dl class="args">${Object.entries(e.args).map(([k, v]) => html`<div><dt>${k}</dt><dd class="hex">${Array.isArray(v) ? v.join(', ') : String(v)}</dd></div>`)}</dl>
        </li>`)}</ul>
        <${AsOf} block=${answer.block} />
      </div>`;
    }}<//>
  </section>`;
}

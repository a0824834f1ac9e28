// Governance: the proposals with their states, and one proposal with every vote.
import { html } from 'htm/preact';
import { read, readAll } from '../api.js';
import { describeAction, KIND_NAMES, stateBadge, SUPPORT } from '../governance.js';
import { grouped, percent, tokens } from '../format.js';
import { VotePanel } from './act.js';
import { useState } from 'preact/hooks';
import {
  Address, AsOf, Badge, Block, Facts, Loaded, Member, Progress, Sentence, Tx, useLoad, useRead,
} from '../ui.js';

// states change with blocks alone (blocks left, the timelock), not only with events
const BLOCK_CLOCK_MS = 3000;

export function ProposalList() {
  const state = useLoad(() => readAll('proposals?order=desc', 200), 'proposals', BLOCK_CLOCK_MS);
  return html`<section>
    <h1>Proposals</h1>
    <${Loaded} state=${state}>${(answer) =>
      answer.data.length === 0
        ? html`<p class="muted">No proposal yet.</p>`
        : html`<ul class="cards">${answer.data.map((p) => html`<${ProposalCard} p=${p} />`)}</ul>
          <${AsOf} block=${answer.block} />`}
    <//>
  </section>`;
}

function ProposalCard({ p }) {
  const badge = stateBadge(p);
  return html`<li class="card proposal" data-proposal=${p.id}>
    <div class="card-head">
      <a class="title" href=${`#/proposals/${p.id}`}>Proposal ${p.id}</a>
      <${Badge} badge=${badge} />
    </div>
    <p class="action"><${Sentence} parts=${describeAction(p.kind, p.payload)} /></p>
    ${p.description && html`<p class="description">${p.description}</p>`}
    <p class="muted state-detail">${badge.detail} · ${p.tally.votes} vote${p.tally.votes === 1 ? '' : 's'}</p>
  </li>`;
}

export function ProposalPage({ id }) {
  // the page's own transactions read the proposal again once the indexer has them
  const [nudge, setNudge] = useState(0);
  const state = useLoad(
    async () => {
      const [proposal, votes] = await Promise.all([read(`proposals/${id}`), readAll(`proposals/${id}/votes`)]);
      return { proposal, votes };
    },
    `proposal-${id}`,
    BLOCK_CLOCK_MS,
    nudge,
  );
  return html`<section>
    <${Loaded} state=${state}>${({ proposal, votes }) => html`<${Proposal} p=${proposal.data} votes=${votes.data} block=${proposal.block} />
      <${VotePanel} p=${proposal.data} votes=${votes.data} onDone=${() => setNudge((n) => n + 1)} />`}<//>
  </section>`;
}

function Proposal({ p, votes, block }) {
  const badge = stateBadge(p);
  const turnout = BigInt(p.tally.for) + BigInt(p.tally.against) + BigInt(p.tally.abstain);
  const quorum = p.quorum == null ? null : BigInt(p.quorum);
  return html`<article class="proposal-page" data-proposal=${p.id}>
    <div class="page-head">
      <h1>Proposal ${p.id}</h1>
      <${Badge} badge=${badge} />
    </div>
    <p class="state-detail">${badge.detail}</p>
    <h2>What it does</h2>
    <p class="action big"><${Sentence} parts=${describeAction(p.kind, p.payload)} /></p>
    <p class="description">${p.description || html`<span class="muted">No description.</span>`}</p>
    <${Facts} items=${[
      ['kind', `${p.kind} · ${KIND_NAMES[p.kind] || 'unknown'}`],
      ['proposed by', html`<${Address} value=${p.proposer} /> of <${Member} value=${p.memberId} />`],
      ['created', html`block <${Block} number=${p.created.blockNumber} />, tx <${Tx} hash=${p.created.txHash} />`],
      ['snapshot block', p.snapshotBlock == null ? '—' : `${p.snapshotBlock} (balances counted here)`],
      ['voting', p.voteStart == null ? '—' : `blocks ${p.voteStart} to ${p.voteEnd}`],
      p.eta != null && ['executable', `from block ${p.eta} until block ${p.expiresAt}`],
      p.outcomeAt && ['outcome', html`${p.outcome} at block <${Block} number=${p.outcomeAt.blockNumber} />`],
    ]} />
    <h2>Tally</h2>
    <div class="tally">
      <div><span class="for">for</span> ${grouped(p.tally.for)}</div>
      <div><span class="against">against</span> ${grouped(p.tally.against)}</div>
      <div><span class="abstain">abstain</span> ${grouped(p.tally.abstain)}</div>
    </div>
    ${quorum != null &&
    html`<p class="quorum">Quorum: ${grouped(turnout)} of ${grouped(quorum)} weight voted (${percent(turnout, quorum)} %)</p>
      <${Progress} value=${percent(turnout, quorum)} label="quorum progress" />`}
    <${Facts} items=${[
      ['quadratic total Q', p.quadraticTotal == null ? '—' : grouped(p.quadraticTotal)],
      ['cap per member', p.cap == null ? '—' : `${grouped(p.cap)} weight`],
      ['quorum', p.quorum == null ? '—' : `${grouped(p.quorum)} weight`],
    ]} />
    <h2>Votes (${votes.length})</h2>
    ${votes.length === 0
      ? html`<p class="muted">No vote yet.</p>`
      : html`<ul class="rows votes">${votes.map((v) => html`<${VoteRow} v=${v} cap=${p.cap} />`)}</ul>`}
    <${AsOf} block=${block} />
  </article>`;
}

function VoteRow({ v, cap }) {
  const capped = cap != null && BigInt(v.weight) === BigInt(cap);
  return html`<li class="row vote" data-voter=${v.voter}>
    <div><${Member} value=${v.memberId} /> <span class="muted">by</span> <${Address} value=${v.voter} /></div>
    <div class=${`support ${SUPPORT[v.support]}`}>${v.supportName || SUPPORT[v.support]}</div>
    <div><span class="label">balance at snapshot</span> ${tokens(v.rawBalance)}</div>
    <div><span class="label">weight</span> ${grouped(v.weight)}${capped ? html` <span class="mark">capped</span>` : ''}</div>
  </li>`;
}

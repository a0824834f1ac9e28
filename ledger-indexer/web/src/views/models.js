// Explorer: models, their rounds, and a round's updates with the datasets they cite.
import { html } from 'htm/preact';
import { ApiError, read, readAll } from '../api.js';
import { grouped, tokens } from '../format.js';
import { Address, AsOf, Block, Dataset, Facts, Hex, Loaded, Model, useLoad, useRead } from '../ui.js';

/** Rounds shown on a model's page, newest first. */
const ROUNDS_SHOWN = 20;

export function ModelList() {
  const state = useLoad(() => readAll('models'), 'models');
  return html`<section>
    <h1>Models</h1>
    <${Loaded} state=${state}>${(answer) =>
      answer.data.length === 0
        ? html`<p class="muted">No model registered yet.</p>`
        : html`<ul class="cards">${answer.data.map(
            (m) => html`<li class="card model">
              <div class="card-head"><a class="title hex" href=${`#/models/${m.modelId}`} title=${m.modelId}>Model <${Hex} value=${m.modelId} /></a></div>
              <p>${m.metadataUri}</p>
              <p class="muted">${m.roundCount} round${m.roundCount === 1 ? '' : 's'} · owner <${Address} value=${m.owner} /></p>
            </li>`,
          )}</ul><${AsOf} block=${answer.block} />`}
    <//>
  </section>`;
}

async function loadModel(id) {
  const model = await read(`models/${id}`);
  const latest = model.data.latestRound || 0;
  const numbers = [];
  for (let n = latest; n >= 1 && numbers.length < ROUNDS_SHOWN; n--) numbers.push(n);
  const rounds = await Promise.all(
    numbers.map((n) =>
      read(`models/${id}/rounds/${n}`).then(
        (a) => a.data,
        // round numbers are the owner's choice: a gap is not an error
        (e) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e)),
      ),
    ),
  );
  return { model, rounds: rounds.filter(Boolean) };
}

export function ModelPage({ id }) {
  const state = useLoad(() => loadModel(id), `model-${id}`);
  return html`<section>
    <${Loaded} state=${state}>${({ model, rounds }) => {
      const m = model.data;
      return html`<div class="model-page">
        <h1>Model <${Hex} value=${m.modelId} /></h1>
        <${Facts} items=${[
          ['metadata', m.metadataUri],
          ['owner', html`<${Address} value=${m.owner} />`],
          ['aggregator', html`<${Address} value=${m.aggregator} />`],
          ['registered', html`block <${Block} number=${m.registered.blockNumber} />`],
        ]} />
        <h2>Rounds (${m.roundCount})</h2>
        ${rounds.length === 0
          ? html`<p class="muted">No round opened yet.</p>`
          : html`<ul class="rows rounds">${rounds.map((r) => html`<li class="row round" data-round=${r.round}>
              <div><a href=${`#/models/${m.modelId}/rounds/${r.round}`}>Round ${r.round}</a> <span class=${`badge ${r.status}`}>${r.status}</span></div>
              <div><span class="label">updates</span> ${r.updateCount}</div>
              <div><span class="label">reward pool</span> ${tokens(r.rewardPool)}</div>
              <div><span class="label">${r.status === 'finalized' ? 'paid' : 'deadline'}</span> ${r.status === 'finalized' ? tokens(r.rewardsPaid) : `block ${r.deadlineBlock}`}</div>
            </li>`)}</ul>`}
        <${AsOf} block=${model.block} />
      </div>`;
    }}<//>
  </section>`;
}

function flaggedCount(updates) {
  return updates.filter((u) => u.flagged).length;
}

function flaggedNote(n) {
  const which = n === 1 ? 'One update cites' : `${n} updates cite`;
  return `${which} a dataset revoked since, or derived from one: flagged below.`;
}

export function RoundPage({ id, round }) {
  const state = useLoad(
    async () => {
      const [r, updates] = await Promise.all([read(`models/${id}/rounds/${round}`), readAll(`models/${id}/rounds/${round}/updates`)]);
      return { r, updates };
    },
    `round-${id}-${round}`,
  );
  return html`<section>
    <${Loaded} state=${state}>${({ r, updates }) => {
      const d = r.data;
      return html`<div class="round-page">
        <h1>Round ${d.round} <span class=${`badge ${d.status}`}>${d.status}</span></h1>
        <p>of model <${Model} value=${d.modelId} /></p>
        <${Facts} items=${[
          ['base model', html`<${Hex} value=${d.baseModelHash} />`],
          ['reward pool', tokens(d.rewardPool)],
          ['deadline', `block ${d.deadlineBlock}`],
          ['opened', html`block <${Block} number=${d.opened.blockNumber} />`],
          d.finalized && ['finalized', html`block <${Block} number=${d.finalized.blockNumber} />`],
          d.aggregateHash && ['aggregate', html`<${Hex} value=${d.aggregateHash} />`],
          d.acceptedCount != null && ['accepted', `${d.acceptedCount} of ${d.updateCount}`],
          ['rewards paid', tokens(d.rewardsPaid || '0')],
        ]} />
        <h2>Updates (${updates.data.length})</h2>
        ${updates.data.length === 0
          ? html`<p class="muted">No update submitted yet.</p>`
          : html`${flaggedCount(updates.data) > 0 && html`<p class="warning flagged-note">${flaggedNote(flaggedCount(updates.data))}</p>`}
            <ul class="rows updates">${updates.data.map((u) => html`<li class=${`row update${u.flagged ? ' flagged' : ''}`} data-contributor=${u.contributor}>
              <div><span class="label">contributor</span> <${Address} value=${u.contributor} />${u.flagged ? html` <span class="badge flagged" title="it cites a revoked or tainted dataset">flagged</span>` : ''}</div>
              <div><span class="label">update</span> <${Hex} value=${u.updateHash} /></div>
              <div><span class="label">samples</span> ${grouped(u.sampleCount)}</div>
              <div><span class="label">reward</span> ${u.reward == null ? html`<span class="muted">not paid</span>` : tokens(u.reward)}</div>
              <div class="wide"><span class="label">datasets</span> ${u.datasets.length === 0 ? html`<span class="muted">none</span>` : u.citations.map((c) => html`<${Dataset} value=${c.datasetId} revoked=${c.revoked} tainted=${c.tainted} /> `)}</div>
            </li>`)}</ul>`}
        <${AsOf} block=${r.block} />
      </div>`;
    }}<//>
  </section>`;
}

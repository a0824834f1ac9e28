// Explorer: a dataset, its lineage with revoked and tainted datasets marked, and its blast radius.
import { html } from 'htm/preact';
import { read } from '../api.js';
import { grouped, tokens } from '../format.js';
import { Address, AsOf, Block, Dataset, Facts, Hex, Loaded, Model, useLoad } from '../ui.js';

/** How many ancestors the page walks to find a taint; deeper lineages are rare on this chain. */
const ANCESTOR_BUDGET = 64;

/**
 * Which of the dataset and its ancestors are tainted (revoked, or derived from a revoked one),
 * walking up the lineage one dataset at a time within the budget.
 */
async function ancestry(id) {
  const lineage = new Map();
  const queue = [id];
  while (queue.length > 0 && lineage.size < ANCESTOR_BUDGET) {
    const next = queue.shift();
    if (lineage.has(next)) continue;
    const answer = await read(`datasets/${next}/lineage`);
    lineage.set(next, answer.data);
    for (const parent of answer.data.parents) queue.push(parent.datasetId);
  }
  const revoked = new Map();
  for (const entry of lineage.values()) {
    for (const parent of entry.parents) revoked.set(parent.datasetId, parent.revoked);
  }
  const tainted = new Map();
  const taintOf = (dataset, seen = new Set()) => {
    if (tainted.has(dataset)) return tainted.get(dataset);
    if (seen.has(dataset)) return false;
    seen.add(dataset);
    const entry = lineage.get(dataset);
    const value = Boolean(revoked.get(dataset)) || (entry ? entry.parents.some((p) => taintOf(p.datasetId, seen)) : false);
    tainted.set(dataset, value);
    return value;
  };
  return { lineage, taintOf, complete: queue.length === 0 };
}

export function DatasetPage({ id }) {
  const state = useLoad(
    async () => {
      const [dataset, radius, walk] = await Promise.all([
        read(`datasets/${id}`),
        read(`datasets/${id}/blast-radius?limit=50`),
        ancestry(id),
      ]);
      return { dataset, radius, walk };
    },
    `dataset-${id}`,
  );
  return html`<section>
    <${Loaded} state=${state}>${({ dataset, radius, walk }) => {
      const d = dataset.data;
      const own = walk.lineage.get(id);
      const revoked = d.revocation != null;
      const tainted = revoked || own.parents.some((p) => walk.taintOf(p.datasetId));
      return html`<div class="dataset-page">
        <h1>Dataset <${Hex} value=${d.datasetId} />
          ${revoked ? html` <span class="badge defeated">revoked</span>` : tainted ? html` <span class="badge expired">tainted</span>` : ''}</h1>
        ${tainted && !revoked && html`<p class="warning">Derived from a revoked dataset: updates may no longer cite it.</p>`}
        <${Facts} items=${[
          ['uri', d.uri],
          ['license', d.license],
          ['owner', html`<${Address} value=${d.owner} />`],
          ['content', html`<${Hex} value=${d.contentHash} />`],
          ['attested', html`block <${Block} number=${d.attested.blockNumber} />`],
          d.relayer && ['relayed by', html`<${Address} value=${d.relayer} />`],
          ['endorsed by', d.endorsements.length === 0 ? html`<span class="muted">no auditor yet</span>` : d.endorsements.map((e) => html`<${Address} value=${e.auditor} /> `)],
          revoked && ['revoked', html`by <${Address} value=${d.revocation.revokedBy} /> at block <${Block} number=${d.revocation.revoked.blockNumber} />`],
          ['cited by', `${d.citationCount} update${d.citationCount === 1 ? '' : 's'}`],
        ]} />
        <h2>Lineage</h2>
        <div class="lineage">
          <div class="column"><h3>derived from</h3>${own.parents.length === 0 ? html`<p class="muted">an original dataset</p>` : own.parents.map((p) => html`<${Dataset} value=${p.datasetId} revoked=${p.revoked} tainted=${walk.taintOf(p.datasetId)} />`)}</div>
          <div class="arrow" aria-hidden="true">→</div>
          <div class="column"><h3>this dataset</h3><${Dataset} value=${d.datasetId} revoked=${revoked} tainted=${tainted} /></div>
          <div class="arrow" aria-hidden="true">→</div>
          <div class="column"><h3>used by</h3>${own.children.length === 0 ? html`<p class="muted">no derived dataset</p>` : own.children.map((c) => html`<${Dataset} value=${c.datasetId} revoked=${c.revoked} tainted=${tainted} />`)}</div>
        </div>
        ${!walk.complete && html`<p class="muted">The lineage above goes deeper than the page walked; taint marks cover the nearest ${ANCESTOR_BUDGET} ancestors.</p>`}
        <h2>Blast radius</h2>
        <${BlastRadius} r=${radius.data} />
        <p><a href=${`/v1/datasets/${d.datasetId}/lineage.prov.json`}>The whole lineage as W3C PROV-JSON</a></p>
        <${AsOf} block=${dataset.block} />
      </div>`;
    }}<//>
  </section>`;
}

function plural(n, noun) {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function BlastRadius({ r }) {
  return html`<div class="radius">
    <p>${r.revoked ? 'Its revocation reaches' : 'Revoking it would reach'} ${plural(r.datasetCount, 'dataset')} (itself and every descendant), ${plural(r.updateCount, 'update')} citing them, and ${tokens(r.rewardTotal)} of rewards paid for those updates${r.truncated ? ' (the nearest 10 000 datasets)' : ''}.</p>
    ${r.rounds.length > 0 &&
    html`<ul class="rows">${r.rounds.map((round) => html`<li class="row">
        <div><a href=${`#/models/${round.modelId}/rounds/${round.round}`}>Round ${round.round}</a> of <${Model} value=${round.modelId} /></div>
        <div><span class="label">updates</span> ${round.updateCount}</div>
        <div><span class="label">rewards</span> ${tokens(round.rewardTotal)}</div>
      </li>`)}</ul>`}
    ${r.items.length > 0 &&
    html`<h3>Updates reached</h3><ul class="rows">${r.items.map((u) => html`<li class="row">
        <div><a href=${`#/models/${u.modelId}/rounds/${u.round}`}>Round ${u.round}</a> · <${Address} value=${u.contributor} /></div>
        <div><span class="label">cites</span> ${u.datasets.map((ds) => html`<${Dataset} value=${ds} /> `)}</div>
        <div><span class="label">reward</span> ${u.reward == null ? '—' : tokens(u.reward)}</div>
      </li>`)}</ul>`}
  </div>`;
}

// Explorer: a dataset, its lineage with revoked and tainted datasets marked, and its blast radius.
import { html } from 'htm/preact';
import { read } from '../api.js';
import { grouped, tokens } from '../format.js';
import { Address, AsOf, Block, Dataset, Facts, Hex, Loaded, Model, useLoad } from '../ui.js';

/** How many datasets the page reads each way (up to ancestors, down to descendants). */
const WALK_BUDGET = 64;

/**
 * The lineage around a dataset, breadth first each way within the budget: every dataset read
 * (with its parents and children) and its generation, negative above the dataset and positive
 * below, by its shortest path. Taint (revoked, or derived from a revoked dataset) is worked out
 * from what was read.
 */
async function lineageWalk(id) {
  const lineage = new Map();
  const generation = new Map([[id, 0]]);
  let complete = true;
  for (const [edges, step] of [['parents', -1], ['children', 1]]) {
    const queue = [id];
    let visited = 0;
    while (queue.length > 0) {
      if (visited >= WALK_BUDGET) {
        complete = false;
        break;
      }
      const next = queue.shift();
      let entry = lineage.get(next);
      if (!entry) {
        entry = (await read(`datasets/${next}/lineage`)).data;
        lineage.set(next, entry);
      }
      visited += 1;
      for (const linked of entry[edges]) {
        if (generation.has(linked.datasetId)) continue;
        generation.set(linked.datasetId, generation.get(next) + step);
        queue.push(linked.datasetId);
      }
    }
  }
  const revoked = new Map();
  for (const entry of lineage.values()) {
    for (const linked of [...entry.parents, ...entry.children]) revoked.set(linked.datasetId, linked.revoked);
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
  const levels = new Map();
  for (const [dataset, g] of generation) {
    if (!levels.has(g)) levels.set(g, []);
    levels.get(g).push(dataset);
  }
  const ordered = [...levels.keys()].sort((a, b) => a - b).map((g) => ({ generation: g, datasets: levels.get(g) }));
  return { lineage, taintOf, revoked, levels: ordered, complete };
}

function levelTitle(g) {
  if (g === 0) return 'this dataset';
  if (g === -1) return 'derived from';
  if (g === 1) return 'used by';
  return g < 0 ? `${-g} generations up` : `${g} generations down`;
}

export function DatasetPage({ id }) {
  const state = useLoad(
    async () => {
      const [dataset, radius, walk] = await Promise.all([
        read(`datasets/${id}`),
        read(`datasets/${id}/blast-radius?limit=50`),
        lineageWalk(id),
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
          ${walk.levels.map(({ generation, datasets }, i) => html`
            ${i > 0 && html`<div class="arrow" aria-hidden="true">→</div>`}
            <div class="column" data-generation=${generation}><h3>${levelTitle(generation)}</h3>${datasets.map((ds) => html`<${Dataset} value=${ds} revoked=${ds === d.datasetId ? revoked : Boolean(walk.revoked.get(ds))} tainted=${ds === d.datasetId ? tainted : walk.taintOf(ds)} />`)}</div>`)}
        </div>
        ${walk.levels.length === 1 && html`<p class="muted">An original dataset that nothing is derived from yet.</p>`}
        ${!walk.complete && html`<p class="muted">The lineage goes further than the page read (${WALK_BUDGET} datasets each way); the PROV-JSON export below holds all of it.</p>`}
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

// Explorer: a dataset, its lineage with revoked and tainted datasets marked, and its blast radius.
import { html } from 'htm/preact';
import { useEffect, useRef } from 'preact/hooks';
import { read } from '../api.js';
import { grouped, shortHex, tokens } from '../format.js';
import { Address, AsOf, Block, Dataset, Facts, Hex, Loaded, Model, useLoad } from '../ui.js';
import { layoutLineage, lineageEdges, SIZES } from '../lineage.js';

/** How many datasets the page reads each way (up to ancestors, down to descendants). */
const WALK_BUDGET = 64;

/**
 * The lineage around a dataset, breadth first each way within the budget: every dataset read
 * (with its parents and children) and its generation, negative above the dataset and positive
 * below, by its shortest path, with whether each is revoked and tainted.
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
  // the indexer says which datasets are revoked and which tainted (through every generation,
  // not only the ones read here)
  const revoked = new Map();
  const tainted = new Map();
  for (const entry of lineage.values()) {
    tainted.set(entry.datasetId, entry.tainted);
    for (const linked of [...entry.parents, ...entry.children]) {
      revoked.set(linked.datasetId, linked.revoked);
      tainted.set(linked.datasetId, linked.tainted);
    }
  }
  const taintOf = (dataset) => Boolean(tainted.get(dataset));
  return { lineage, generation, taintOf, revoked, complete };
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
      const revoked = d.revocation != null;
      const tainted = d.tainted;
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
        <${LineageGraph} walk=${walk} focus=${d.datasetId} focusRevoked=${revoked} focusTainted=${tainted} />
        ${walk.generation.size === 1 && html`<p class="muted">An original dataset that nothing is derived from yet.</p>`}
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
        <div><span class="label">cites</span> ${u.citations.map((c) => html`<${Dataset} value=${c.datasetId} revoked=${c.revoked} tainted=${c.tainted} /> `)}</div>
        <div><span class="label">reward</span> ${u.reward == null ? '—' : tokens(u.reward)}</div>
      </li>`)}</ul>`}
  </div>`;
}

/** How a dataset of the graph stands: its CSS class and the word under its id. */
function standing(id, focus, revoked, tainted) {
  if (revoked) return { tone: 'revoked', word: 'revoked' };
  if (tainted) return { tone: 'tainted', word: 'tainted' };
  return { tone: 'clean', word: id === focus ? 'this dataset' : '' };
}

/**
 * The lineage as a graph: ancestors above, descendants below, an arrow from each parent to its
 * child, every dataset a link to its page. Drawn at its natural size inside a box that scrolls, so
 * ids stay legible on a phone.
 */
function LineageGraph({ walk, focus, focusRevoked, focusTainted }) {
  const edges = lineageEdges(walk.generation, walk.lineage);
  const layout = layoutLineage(walk.generation, edges);
  const { width: w, height: h } = SIZES;
  // a graph wider than the screen (a phone) opens scrolled to the dataset itself
  const box = useRef(null);
  const centre = layout.nodes.find((n) => n.id === focus);
  useEffect(() => {
    const el = box.current;
    if (el && centre && el.scrollWidth > el.clientWidth) el.scrollLeft = centre.x + w / 2 - el.clientWidth / 2;
  }, [focus, layout.width]);
  const of = (id) =>
    id === focus
      ? standing(id, focus, focusRevoked, focusTainted)
      : standing(id, focus, Boolean(walk.revoked.get(id)), walk.taintOf(id));
  return html`<figure class="lineage-graph">
    <div class="graph-scroll" ref=${box}>
      <svg width=${layout.width} height=${layout.height} viewBox=${`0 0 ${layout.width} ${layout.height}`}
        role="group" aria-label=${`lineage of ${shortHex(focus)}: ${layout.nodes.length} datasets, ${edges.length} derivations`}>
        <defs>
          <marker id="lineage-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
            <path d="M 0 0 L 10 5 L 0 10 z" class="arrow-head" />
          </marker>
          <marker id="lineage-arrow-taint" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
            <path d="M 0 0 L 10 5 L 0 10 z" class="arrow-head taint" />
          </marker>
        </defs>
        ${layout.edges.map((e) => {
          // taint flows along an edge whose parent is revoked or tainted
          const taint = of(e.from).tone !== 'clean';
          return html`<path class=${`edge${taint ? ' taint' : ''}`} d=${e.path} data-from=${e.from} data-to=${e.to}
            marker-end=${`url(#lineage-arrow${taint ? '-taint' : ''})`} />`;
        })}
        ${layout.nodes.map((n) => {
          const s = of(n.id);
          return html`<a class=${`node ${s.tone}${n.id === focus ? ' current' : ''}`} href=${`#/datasets/${n.id}`}
            data-dataset=${n.id} data-generation=${n.generation} aria-label=${`dataset ${n.id}${s.word ? `, ${s.word}` : ''}`}>
            <title>${n.id}${s.word ? ` (${s.word})` : ''}</title>
            <rect x=${n.x} y=${n.y} width=${w} height=${h} rx="7" />
            <text class="id" x=${n.x + w / 2} y=${n.y + (s.word ? 19 : 28)}>${shortHex(n.id)}</text>
            ${s.word && html`<text class="word" x=${n.x + w / 2} y=${n.y + 36}>${s.word}</text>`}
          </a>`;
        })}
      </svg>
    </div>
    <figcaption>
      <ul class="legend">
        <li><span class="swatch current"></span> this dataset</li>
        <li><span class="swatch revoked"></span> revoked</li>
        <li><span class="swatch tainted"></span> tainted: derived from a revoked dataset</li>
        <li><span class="swatch clean"></span> clean</li>
        <li><span class="swatch-edge"></span> derived from (parent → child)</li>
      </ul>
      Ancestors above, descendants below; every dataset opens its page.
    </figcaption>
  </figure>`;
}

// The lineage graph's layout: every edge runs down from a parent's layer to a lower child's,
// the dataset itself sits between its ancestors and descendants, and nothing overlaps.
import test from 'node:test';
import assert from 'node:assert/strict';
import { layersOf, layoutLineage, lineageEdges, SIZES } from '../src/lineage.js';

// R → A, R → B, A → C, B → C, C → D (the diamond), R → D (a shortcut); seen from C
const EDGES = [['R', 'A'], ['R', 'B'], ['A', 'C'], ['B', 'C'], ['C', 'D'], ['R', 'D']];
// the walk's shortest-path generations from C: R is two up, D one down
const WALK = new Map([['C', 0], ['A', -1], ['B', -1], ['R', -2], ['D', 1]]);

test('every edge runs from a higher layer to a lower one', () => {
  const { nodes, edges } = layoutLineage(WALK, EDGES);
  const at = new Map(nodes.map((n) => [n.id, n]));
  assert.equal(edges.length, EDGES.length);
  for (const e of edges) {
    assert.ok(at.get(e.from).y + SIZES.height < at.get(e.to).y, `${e.from} → ${e.to} does not run down`);
    assert.match(e.path, /^M [\d.]+ [\d.]+ C /);
  }
  assert.equal(at.get('C').generation, 0);
  assert.equal(at.get('R').generation, -2);
});

test('a parent that is also a grandparent moves above its other child', () => {
  // P is the dataset's parent and the parent of Q, another parent: P must sit above Q
  const layers = layersOf(new Map([['F', 0], ['P', -1], ['Q', -1]]), [['P', 'F'], ['Q', 'F'], ['P', 'Q']]);
  assert.equal(layers.get('P'), -2);
  assert.equal(layers.get('Q'), -1);
  // and below the dataset, a child that is also a grandchild moves down
  const below = layersOf(new Map([['F', 0], ['X', 1], ['Y', 1]]), [['F', 'X'], ['F', 'Y'], ['X', 'Y']]);
  assert.equal(below.get('Y'), 2);
});

test('nodes of a layer do not overlap and fit the drawing', () => {
  const wide = new Map([['F', 0]]);
  const edges = [];
  for (let i = 0; i < 7; i++) {
    wide.set(`c${i}`, 1);
    edges.push(['F', `c${i}`]);
  }
  const { width, height, nodes } = layoutLineage(wide, edges);
  const row = nodes.filter((n) => n.generation === 1).sort((a, b) => a.x - b.x);
  for (let i = 1; i < row.length; i++) assert.ok(row[i].x >= row[i - 1].x + SIZES.width);
  for (const n of nodes) assert.ok(n.x >= 0 && n.x + SIZES.width <= width && n.y + SIZES.height <= height);
  // the single dataset above is centred over its seven children
  const f = nodes.find((n) => n.id === 'F');
  assert.equal(f.x + SIZES.width / 2, width / 2);
});

test('edges come from the lineage answers read, once each, between datasets of the walk', () => {
  const lineage = new Map([
    ['C', { parents: [{ datasetId: 'A' }, { datasetId: 'B' }], children: [{ datasetId: 'D' }] }],
    ['A', { parents: [{ datasetId: 'R' }], children: [{ datasetId: 'C' }, { datasetId: 'Z' }] }],
  ]);
  const edges = lineageEdges(new Map([['C', 0], ['A', -1], ['B', -1], ['R', -2], ['D', 1]]), lineage);
  // Z, A's other child, is not in the walk
  assert.deepEqual(edges.map((e) => e.join('>')).sort(), ['A>C', 'B>C', 'C>D', 'R>A']);
});

test('children are ordered under their parents, so edges do not cross', () => {
  // found in the order that would cross: P1's child second, P2's first
  const walk = new Map([['F', 0], ['P1', 1], ['P2', 1], ['C2', 2], ['C1', 2]]);
  const { nodes } = layoutLineage(walk, [['F', 'P1'], ['F', 'P2'], ['P1', 'C1'], ['P2', 'C2']]);
  const x = Object.fromEntries(nodes.map((n) => [n.id, n.x]));
  assert.ok(x.P1 < x.P2);
  assert.ok(x.C1 < x.C2, 'C1 should sit under P1, left of C2');
});

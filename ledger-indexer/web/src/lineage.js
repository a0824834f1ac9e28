// Where a lineage graph's datasets and edges go: one layer per generation, ancestors above the
// dataset and descendants below, each layer centred. Worked out by hand rather than by a graph
// library: the graphs the page reads are small (a bounded walk each way), and a layered layout
// with one ordering pass against edge crossings is a few dozen lines.

/** Sizes in SVG pixels; the graph is drawn at its natural size and scrolls, so text stays legible. */
export const SIZES = Object.freeze({ width: 150, height: 46, gapX: 18, gapY: 56, pad: 10 });

/** How many ordering sweeps (down, then up, …) are run against crossings. */
const SWEEPS = 4;

/**
 * The edges parent → child among the datasets of `generation` (a Map id → generation), from the
 * lineage answers read (a Map id → {parents, children}). Each edge once.
 */
export function lineageEdges(generation, lineage) {
  const edges = new Map();
  const add = (parent, child) => {
    if (generation.has(parent) && generation.has(child)) edges.set(`${parent}>${child}`, [parent, child]);
  };
  for (const [dataset, entry] of lineage) {
    for (const p of entry.parents) add(p.datasetId, dataset);
    for (const c of entry.children) add(dataset, c.datasetId);
  }
  return [...edges.values()];
}

/**
 * The layer of each dataset, so every edge points down: starting from the shortest-path
 * generations of the walk (negative above the dataset, positive below), an ancestor moves up
 * above every child it has among the ancestors and a descendant down below every parent it has
 * among the descendants (the longest path, as a layered drawing needs). Lineage is acyclic, so
 * as many passes as datasets settle it.
 */
export function layersOf(generation, edges) {
  const layer = new Map(generation);
  for (let pass = 0; pass < layer.size; pass++) {
    let moved = false;
    for (const [p, c] of edges) {
      const lp = layer.get(p);
      const lc = layer.get(c);
      if (lp <= 0 && lc <= 0 && lp > lc - 1) {
        layer.set(p, lc - 1);
        moved = true;
      } else if (lp >= 0 && lc >= 0 && lc < lp + 1) {
        layer.set(c, lp + 1);
        moved = true;
      }
    }
    if (!moved) break;
  }
  return layer;
}

/**
 * Places the datasets of `generation` (a Map id → generation, in the order they were found) and
 * the edges between them. Returns {width, height, nodes: [{id, generation, x, y}], edges:
 * [{from, to, path}]}, x and y being a node's top left corner and generation its layer.
 */
export function layoutLineage(generation, edges) {
  const layered = layersOf(generation, edges);
  const byGeneration = new Map();
  for (const [id, g] of layered) {
    if (!byGeneration.has(g)) byGeneration.set(g, []);
    byGeneration.get(g).push(id);
  }
  const layers = [...byGeneration.keys()].sort((a, b) => a - b).map((g) => byGeneration.get(g));
  const parents = new Map();
  const children = new Map();
  for (const [p, c] of edges) {
    if (!parents.has(c)) parents.set(c, []);
    if (!children.has(p)) children.set(p, []);
    parents.get(c).push(p);
    children.get(p).push(c);
  }
  // barycentre ordering: each layer sorted by the mean position of its neighbours in the layer
  // before it in the sweep's direction; a node without such neighbours keeps its place
  const position = new Map();
  const place = () => layers.forEach((layer) => layer.forEach((id, i) => position.set(id, i)));
  place();
  const order = (layer, neighbours) => {
    const keyed = layer.map((id, i) => {
      const seen = (neighbours.get(id) || []).filter((n) => position.has(n));
      const mean = seen.length ? seen.reduce((sum, n) => sum + position.get(n), 0) / seen.length : i;
      return { id, mean, i };
    });
    keyed.sort((a, b) => a.mean - b.mean || a.i - b.i);
    return keyed.map((k) => k.id);
  };
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const down = sweep % 2 === 0;
    const indexes = layers.map((_, i) => i);
    if (!down) indexes.reverse();
    for (const i of indexes.slice(1)) {
      layers[i] = order(layers[i], down ? parents : children);
      place();
    }
  }
  const { width: w, height: h, gapX, gapY, pad } = SIZES;
  const widest = Math.max(...layers.map((layer) => layer.length));
  const width = pad * 2 + widest * w + (widest - 1) * gapX;
  const height = pad * 2 + layers.length * h + (layers.length - 1) * gapY;
  const nodes = [];
  const at = new Map();
  layers.forEach((layer, row) => {
    const span = layer.length * w + (layer.length - 1) * gapX;
    const left = (width - span) / 2;
    layer.forEach((id, i) => {
      const node = { id, generation: layered.get(id), x: left + i * (w + gapX), y: pad + row * (h + gapY) };
      nodes.push(node);
      at.set(id, node);
    });
  });
  const placed = edges.map(([from, to]) => {
    const a = at.get(from);
    const b = at.get(to);
    const x1 = a.x + w / 2;
    const y1 = a.y + h;
    const x2 = b.x + w / 2;
    const y2 = b.y;
    // a smooth S from the parent's bottom to the child's top (layersOf puts every child lower)
    const bend = (y2 - y1) / 2;
    return { from, to, path: `M ${x1} ${y1} C ${x1} ${y1 + bend}, ${x2} ${y2 - bend}, ${x2} ${y2}` };
  });
  return { width, height, nodes, edges: placed };
}

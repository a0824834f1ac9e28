// The rewards-over-time chart, drawn as SVG: cumulative rewards as a step line over blocks. No
// chart library: one series, two axes and a few labels are less code than configuring one.
import { html } from 'htm/preact';
import { tokens } from './format.js';

const W = 600;
const H = 220;
const PAD = { left: 12, right: 12, top: 30, bottom: 28 };

/** buckets: [{fromBlock, toBlock, rewardTotal}] in chain order; the x axis runs to block `head`. */
export function RewardChart({ buckets, head }) {
  if (buckets.length === 0) return html`<p class="muted">No reward yet.</p>`;
  let running = 0n;
  const points = buckets.map((b) => {
    running += BigInt(b.rewardTotal);
    return { block: b.fromBlock, total: running, reward: BigInt(b.rewardTotal) };
  });
  // from genesis to the answer's block, so one reward is a step, not a lone vertical line
  const first = 0;
  const last = Math.max(head, points[points.length - 1].block, 1);
  const max = running === 0n ? 1n : running;
  const x = (block) => PAD.left + ((block - first) / (last - first)) * (W - PAD.left - PAD.right);
  // scale in BigInt first: totals pass 2^53
  const y = (total) => H - PAD.bottom - (Number((total * 10000n) / max) / 10000) * (H - PAD.top - PAD.bottom);
  let path = `M ${x(first)} ${y(0n)}`;
  let previous = 0n;
  for (const p of points) {
    path += ` L ${x(p.block)} ${y(previous)} L ${x(p.block)} ${y(p.total)}`;
    previous = p.total;
  }
  path += ` L ${x(last)} ${y(running)}`;
  return html`<figure class="chart">
    <svg viewBox=${`0 0 ${W} ${H}`} role="img" aria-label=${`rewards over time, ${tokens(running)} in total`}>
      <line class="axis" x1=${PAD.left} y1=${H - PAD.bottom} x2=${W - PAD.right} y2=${H - PAD.bottom} />
      <path class="series" d=${path} />
      ${points.map((p) => html`<circle class="point" cx=${x(p.block)} cy=${y(p.total)} r="4"><title>block ${p.block}: +${tokens(p.reward)}, ${tokens(p.total)} in total</title></circle>`)}
      <text class="tick" x=${PAD.left} y=${H - 8}>block ${first}</text>
      <text class="tick end" x=${W - PAD.right} y=${H - 8}>block ${last}</text>
      <text class="tick end" x=${W - PAD.right} y=${y(running) - 8}>${tokens(running)}</text>
    </svg>
    <figcaption>Rewards received, summed over blocks.</figcaption>
  </figure>`;
}

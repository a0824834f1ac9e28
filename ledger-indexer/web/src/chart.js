// The rewards-over-time charts, drawn as SVG: rewards per UTC day as bars, or cumulative rewards
// as a step line over blocks. No chart library: one series, an axis and a few labels are less code
// than configuring one.
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

const DAY_SECONDS = 86400;
/** The most days drawn; a longer history shows its latest days (the series says how many). */
export const MAX_DAYS = 366;

/**
 * The days from the first bucket's to the last's, each with its rewards (zero on days without, as
 * the indexer leaves those out), at most MAX_DAYS of the latest.
 * buckets: [{day: 'YYYY-MM-DD', fromTime, rewardTotal, rewardCount}] in order.
 */
export function dailySeries(buckets) {
  if (buckets.length === 0) return { days: [], cut: false };
  const byDay = new Map(buckets.map((b) => [b.day, b]));
  const first = buckets[0].fromTime;
  const last = buckets[buckets.length - 1].fromTime;
  const count = Math.floor((last - first) / DAY_SECONDS) + 1;
  const from = count > MAX_DAYS ? last - (MAX_DAYS - 1) * DAY_SECONDS : first;
  const days = [];
  for (let t = from; t <= last; t += DAY_SECONDS) {
    const day = new Date(t * 1000).toISOString().slice(0, 10);
    const b = byDay.get(day);
    days.push({ day, reward: b ? BigInt(b.rewardTotal) : 0n, count: b ? b.rewardCount : 0 });
  }
  return { days, cut: count > MAX_DAYS };
}

/**
 * Rewards per UTC day as bars. A bar is at most BAR_MAX wide, so a history of one day (a devnet's)
 * is one labelled bar in the middle rather than a slab across the chart.
 */
export function DailyRewardChart({ buckets }) {
  const { days, cut } = dailySeries(buckets);
  if (days.length === 0) return html`<p class="muted">No reward yet.</p>`;
  const BAR_MAX = 56;
  const plotW = W - PAD.left - PAD.right;
  const slot = plotW / days.length;
  const bar = Math.max(1, Math.min(BAR_MAX, slot * 0.7));
  let max = 0n;
  let total = 0n;
  for (const d of days) {
    if (d.reward > max) max = d.reward;
    total += d.reward;
  }
  const top = max === 0n ? 1n : max;
  const height = (reward) => (Number((reward * 10000n) / top) / 10000) * (H - PAD.top - PAD.bottom);
  const base = H - PAD.bottom;
  const best = days.find((d) => d.reward === max);
  const centre = (i) => PAD.left + slot * (i + 0.5);
  return html`<figure class="chart daily">
    <svg viewBox=${`0 0 ${W} ${H}`} role="img" aria-label=${`rewards per day, ${tokens(total)} in ${days.length} day${days.length === 1 ? '' : 's'}`}>
      <line class="axis" x1=${PAD.left} y1=${base} x2=${W - PAD.right} y2=${base} />
      ${days.map((d, i) => d.reward > 0n && html`<rect class="bar" data-day=${d.day} x=${centre(i) - bar / 2} y=${base - height(d.reward)} width=${bar} height=${height(d.reward)}>
        <title>${d.day}: ${tokens(d.reward)} in ${d.count} reward${d.count === 1 ? '' : 's'}</title></rect>`)}
      <text class="tick" x=${days.length === 1 ? centre(0) : PAD.left} y=${H - 8} text-anchor=${days.length === 1 ? 'middle' : 'start'}>${days[0].day}</text>
      ${days.length > 1 && html`<text class="tick end" x=${W - PAD.right} y=${H - 8}>${days[days.length - 1].day}</text>`}
      <text class="tick" x=${centre(days.indexOf(best))} y=${base - height(max) - 8} text-anchor="middle">${tokens(max)}</text>
    </svg>
    <figcaption>Rewards received per UTC day${days.length === 1 ? ', all on one day so far' : `, ${tokens(total)} over ${days.length} days`}${cut ? ` (the latest ${MAX_DAYS} days)` : ''}.</figcaption>
  </figure>`;
}

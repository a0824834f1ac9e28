// Explorer: an account (its contributions, rewards over time and member) and a member.
import { html } from 'htm/preact';
import { ApiError, read, readAll } from '../api.js';
import { grouped, tokens } from '../format.js';
import { DailyRewardChart, RewardChart } from '../chart.js';
import { useState } from 'preact/hooks';
import { Address, AsOf, Block, Facts, Hex, Loaded, Member, Model, useLoad, useRead } from '../ui.js';

async function loadAccount(address) {
  try {
    return { contributor: await read(`contributors/${address}`) };
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return { unknown: true };
    throw e;
  }
}

export function AccountPage({ address }) {
  const state = useLoad(() => loadAccount(address), `account-${address}`);
  return html`<section>
    <h1>Account <span class="hex" title=${address}>${address}</span></h1>
    <${Loaded} state=${state}>${({ unknown, contributor }) => {
      if (unknown) return html`<p class="account-unknown muted">The ledger records no contribution, reward or reputation for this account.</p>`;
      const c = contributor.data;
      return html`<div class="account-page">
        <${Facts} items=${[
          ['member', html`<${Member} value=${c.memberId} />`],
          ['updates', grouped(c.updateCount)],
          ['rewards', `${tokens(c.rewardTotal)} in ${c.rewardCount} payment${c.rewardCount === 1 ? '' : 's'}`],
          ['reputation', grouped(c.reputation)],
        ]} />
        <h2>Rewards over time</h2>
        <${RewardsOverTime} address=${address} />
        <h2>History</h2>
        <ul class="rows history">${c.history.map((h) => html`<li class="row">
          <div>block <${Block} number=${h.at.blockNumber} /></div>
          ${h.kind === 'update' && html`<div>update <${Hex} value=${h.updateHash} /> to <a href=${`#/models/${h.modelId}/rounds/${h.round}`}>round ${h.round}</a> of <${Model} value=${h.modelId} /></div>`}
          ${h.kind === 'reward' && html`<div>rewarded ${tokens(h.reward)} (weight ${grouped(h.weight)}) in <a href=${`#/models/${h.modelId}/rounds/${h.round}`}>round ${h.round}</a></div>`}
          ${h.kind === 'reputation' && html`<div>reputation ${BigInt(h.delta) >= 0n ? '+' : ''}${grouped(h.delta)} → ${grouped(h.reputation)}</div>`}
        </li>`)}</ul>
        ${contributor.nextCursor && html`<p class="muted">Older entries follow; the page shows the first ${c.history.length}.</p>`}
        <${AsOf} block=${contributor.block} />
      </div>`;
    }}<//>
  </section>`;
}

/** The chart's two views of the same rewards: per UTC day (the default) or over blocks. */
const BUCKETS = {
  day: { label: 'Per day', query: 'bucket=day' },
  // one bucket per block with rewards: the step line's steps fall on the blocks that paid
  blocks: { label: 'Over blocks', query: 'bucket=blocks:1' },
};

function RewardsOverTime({ address }) {
  const [bucket, setBucket] = useState('day');
  const state = useLoad(() => readAll(`contributors/${address}/rewards?${BUCKETS[bucket].query}`, 500), `rewards-${address}-${bucket}`);
  return html`<div class="rewards-over-time">
    <div class="toggle" role="group" aria-label="rewards chart buckets">
      ${Object.entries(BUCKETS).map(([key, b]) => html`<button type="button" class=${`bucket${bucket === key ? ' current' : ''}`} data-bucket=${key}
        aria-pressed=${bucket === key ? 'true' : 'false'} onClick=${() => setBucket(key)}>${b.label}</button>`)}
    </div>
    <${Loaded} state=${state}>${(rewards) =>
      bucket === 'day'
        ? html`<${DailyRewardChart} buckets=${rewards.data} />`
        : html`<${RewardChart} buckets=${rewards.data} head=${rewards.block.number} />`}<//>
  </div>`;
}

export function MemberPage({ id }) {
  const state = useRead(`members/${id}`);
  return html`<section>
    <${Loaded} state=${state}>${(answer) => {
      const m = answer.data;
      return html`<div class="member-page">
        <h1>Member <${Member} value=${m.memberId} /></h1>
        <${Facts} items=${[
          ['id', html`<${Hex} value=${m.memberId} />`],
          ['joined', html`block <${Block} number=${m.joined.blockNumber} />`],
          ['status', m.active ? 'active' : 'no account left'],
        ]} />
        <h2>Accounts</h2>
        <ul class="rows">${m.accounts.map((a) => html`<li class="row">
          <div><${Address} value=${a.account} /></div>
          <div>${a.roles.length === 0 ? html`<span class="muted">no role</span>` : a.roles.join(', ')}</div>
        </li>`)}</ul>
        <${AsOf} block=${answer.block} />
      </div>`;
    }}<//>
  </section>`;
}

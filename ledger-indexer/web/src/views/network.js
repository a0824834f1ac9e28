// Explorer: validators, members and the governed parameters.
import { html } from 'htm/preact';
import { read, readAll } from '../api.js';
import { grouped, tokens } from '../format.js';
import { Address, AsOf, Block, Facts, Loaded, Member, useLoad } from '../ui.js';

const TOKEN_PARAMETERS = new Set(['proposalThreshold', 'maxRewardPerRound']);

export function NetworkPage() {
  const state = useLoad(async () => {
    const [network, validators] = await Promise.all([read('network'), readAll('validators')]);
    return { network, validators };
  }, 'network');
  return html`<section>
    <h1>Network</h1>
    <${Loaded} state=${state}>${({ network, validators }) => {
      const n = network.data;
      return html`<div class="network-page">
        <${Facts} items=${[['chain id', `${n.chainId}`], ['genesis', html`<span class="hex" title=${n.genesisHash}>${n.genesisHash.slice(0, 10)}…</span>`]]} />
        <h2>Validators</h2>
        <ul class="rows validators">${validators.data.map((v) => html`<li class="row">
          <div><${Address} value=${v.validator} /></div>
          <div><span class=${`badge ${v.active ? 'executed' : 'canceled'}`}>${v.active ? 'active' : 'removed'}</span></div>
          <div><span class="label">since</span> block <${Block} number=${v.lastAdded.blockNumber} /></div>
        </li>`)}</ul>
        <h2>Members</h2>
        <ul class="rows members">${n.members.map((m) => html`<li class="row">
          <div><${Member} value=${m.memberId} /></div>
          <div>${m.accounts.map((a) => html`<${Address} value=${a} /> `)}</div>
        </li>`)}</ul>
        <h2>Governed parameters</h2>
        <${Facts} items=${Object.entries(n.parameters).map(([name, value]) => [name, TOKEN_PARAMETERS.has(name) ? tokens(value) : grouped(value)])} />
        <${AsOf} block=${network.block} />
      </div>`;
    }}<//>
  </section>`;
}

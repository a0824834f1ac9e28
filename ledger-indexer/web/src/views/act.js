// Acting through the connected wallet: the voting panel of a proposal (the connected member's
// power at the snapshot, step by step, and the vote, execute and cancel buttons) and the form to
// propose any of the nine kinds. Every button stays locked from the click until the receipt has
// arrived and the indexer shows the result.
import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { zeroHash } from 'viem';
import { callView, revertReason, sendCall } from '../chain.js';
import { describeAction, encodeAction, KIND_FIELDS, KIND_NAMES, PARAMETER_NAMES, ROLE_NAMES, SUPPORT, TOKEN_PARAMETERS } from '../governance.js';
import { grouped, isqrt, tokens } from '../format.js';
import { CHAIN_ID, useConnection, walletError } from '../wallet.js';
import { Address, Facts, Loaded, Member, Sentence, useLoad } from '../ui.js';

/** Runs one wallet action at a time: busy from the click until it resolves, then its outcome. */
function useAction() {
  const [connection, conn] = useConnection();
  const [busy, setBusy] = useState(null);
  const [message, setMessage] = useState(null);
  const run = async (label, action) => {
    setBusy(label);
    setMessage(null);
    try {
      await connection.ensureChain();
      const done = await action(connection.state.wallet.provider, connection.state.account);
      setMessage({ tone: 'done', text: done });
    } catch (e) {
      setMessage(walletError(e, revertReason));
    } finally {
      setBusy(null);
    }
  };
  return { connection, conn, busy, message, run };
}

function Outcome({ busy, message }) {
  if (busy) return html`<p class="outcome busy" role="status">${busy}: waiting for the wallet, the block and the indexer…</p>`;
  if (!message) return null;
  return html`<p class=${`outcome ${message.tone}`} role=${message.tone === 'error' ? 'alert' : 'status'}>${message.text}</p>`;
}

function WalletNeeded({ conn, connection, doing }) {
  if (!conn.wallet || !conn.account) {
    return html`<p class="muted wallet-needed">Connect a wallet above to ${doing}.</p>`;
  }
  if (conn.chainId !== CHAIN_ID) {
    return html`<p class="wrong-chain">Your wallet is on chain ${conn.chainId}, not the ledger's (1337).
      <button onClick=${() => connection.ensureChain().catch((e) => connection.set({ message: walletError(e) }))}>Switch chain</button></p>`;
  }
  return null;
}

/** The connected account's member, its balance at the snapshot, √, the cap and the power. */
async function powerOf(provider, account, p, votes) {
  const memberId = (await callView(provider, 'Permissions', 'memberOf', [account])).toLowerCase();
  if (memberId === zeroHash) return { memberId: null, reason: 'This account belongs to no member, so it cannot vote.' };
  const snapshot = BigInt(p.snapshotBlock);
  const balance = await callView(provider, 'ContributionToken', 'getPastMemberBalance', [memberId, snapshot]);
  const root = isqrt(balance);
  // the governor's own figure, so the page never shows a power the chain would not grant
  const power = await callView(provider, 'QuadraticGovernor', 'votingPower', [account, snapshot]);
  const cap = p.cap == null ? power : BigInt(p.cap);
  const vote = votes.find((v) => v.memberId.toLowerCase() === memberId);
  let reason = null;
  if (vote && vote.voter.toLowerCase() !== account) reason = 'Another account of your member already voted on this proposal; a member votes once.';
  else if (vote) reason = null;
  else if (balance === 0n) reason = `Your member held no tokens at the snapshot block ${p.snapshotBlock}, so it has no voting power here.`;
  else if (power === 0n) reason = 'The cap of this proposal is zero, so no member has voting power.';
  return { memberId, balance, root, cap, power, capped: root > cap, vote, reason };
}

export function VotePanel({ p, votes, onDone }) {
  const { connection, conn, busy, message, run } = useAction();
  const ready = conn.wallet && conn.account && conn.chainId === CHAIN_ID;
  const state = useLoad(
    () => (ready ? powerOf(conn.wallet.provider, conn.account, p, votes) : Promise.resolve(null)),
    `power-${p.id}-${conn.account}-${conn.chainId}-${votes.length}`,
  );
  const act = (label, fn, args, done) =>
    run(label, async (provider, account) => {
      await sendCall(provider, account, 'QuadraticGovernor', fn, args, `proposals/${p.id}`);
      onDone();
      return done;
    });
  const id = BigInt(p.id);
  return html`<section class="vote-panel" aria-label="your vote">
    <h2>Your vote</h2>
    <${WalletNeeded} conn=${conn} connection=${connection} doing="vote" />
    ${ready &&
    html`<${Loaded} state=${state}>${(power) =>
      power &&
      html`<div class="power">
          ${power.memberId
            ? html`<${Facts} items=${[
                ['your account', html`<${Address} value=${conn.account} />`],
                ['your member', html`<${Member} value=${power.memberId} />`],
                ['balance at snapshot', html`<span class="balance">${tokens(power.balance)}</span> <span class="muted">(block ${p.snapshotBlock})</span>`],
                ['square root', html`<span class="root">${grouped(power.root)}</span>`],
                ['cap', html`<span class="cap">${grouped(power.cap)}</span>`],
                ['your power', html`<strong class="power-value">${grouped(power.power)}</strong>${power.capped ? html` <span class="mark">capped</span>` : ''}`],
              ]} />`
            : ''}
          ${power.vote && html`<p class="already-voted">Already voted <strong>${SUPPORT[power.vote.support]}</strong> with <${Address} value=${power.vote.voter} />, weight ${grouped(power.vote.weight)}.</p>`}
          ${power.reason && html`<p class="zero-reason">${power.reason}</p>`}
          ${p.state === 'active' && !power.vote && power.power > 0n &&
          html`<div class="buttons">
            ${[1, 0, 2].map((support) => html`<button class=${`vote-${SUPPORT[support]}`} disabled=${!!busy}
              onClick=${() => act(`Voting ${SUPPORT[support]}`, 'castVote', [id, support], `You voted ${SUPPORT[support]} with weight ${grouped(power.power)}.`)}>Vote ${SUPPORT[support]}</button>`)}
          </div>`}
          ${p.state !== 'active' && !power.vote && html`<p class="muted">Voting is ${p.state === 'pending' ? 'not open yet' : 'closed'}.</p>`}
        </div>`}<//>`}
    ${ready && (p.state === 'succeeded' || (p.state === 'pending' && p.proposer.toLowerCase() === conn.account)) &&
    html`<div class="buttons">
      ${p.state === 'succeeded' && html`<button class="execute" disabled=${!!busy} onClick=${() => act('Executing', 'execute', [id], `Proposal ${p.id} is executed.`)}>Execute</button>`}
      ${p.state === 'pending' && html`<button class="cancel" disabled=${!!busy} onClick=${() => act('Canceling', 'cancel', [id], `Proposal ${p.id} is canceled.`)}>Cancel proposal</button>`}
    </div>`}
    <${Outcome} busy=${busy} message=${message} />
  </section>`;
}

const FIELD_LABELS = { parameter: 'parameter', value: 'value', account: 'address', member: 'member', role: 'role' };

export function ProposeForm() {
  const { connection, conn, busy, message, run } = useAction();
  const [kind, setKind] = useState(3);
  const [fields, setFields] = useState({ parameter: PARAMETER_NAMES[0], role: ROLE_NAMES[2] });
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState({});
  const ready = conn.wallet && conn.account && conn.chainId === CHAIN_ID;
  const encoded = encodeAction(kind, fields);
  const submit = (event) => {
    event.preventDefault();
    const checked = encodeAction(kind, fields);
    const found = { ...(checked.errors || {}) };
    if (!description.trim()) found.description = 'Say in a sentence why; voters read it.';
    setErrors(found);
    if (Object.keys(found).length) return;
    run('Proposing', async (provider, account) => {
      if (kind === 0) {
        const [min, max] = await callView(provider, 'QuadraticGovernor', 'getParameterBounds', [checked.values.parameter]);
        const value = checked.values.value;
        if (value < min || value > max) {
          setErrors({ value: `${fields.parameter} must lie between ${grouped(min)} and ${grouped(max)}.` });
          throw Object.assign(new Error(`${fields.parameter} must lie between ${grouped(min)} and ${grouped(max)}; nothing was sent.`), { code: 0 });
        }
      }
      const { receipt, indexed } = await sendCall(provider, account, 'QuadraticGovernor', 'propose', [kind, checked.payload, description.trim()], 'proposals?order=desc');
      const made = indexed.data.find((q) => q.created.txHash.toLowerCase() === receipt.transactionHash.toLowerCase());
      if (made) location.hash = `#/proposals/${made.id}`;
      return made ? `Proposal ${made.id} is made.` : 'The proposal is made.';
    });
  };
  const set = (name) => (e) => setFields({ ...fields, [name]: e.target.value });
  return html`<section class="propose">
    <h1>Propose</h1>
    <${WalletNeeded} conn=${conn} connection=${connection} doing="propose" />
    <form onSubmit=${submit} class="propose-form" novalidate>
      <label>What it does
        <select name="kind" value=${kind} onChange=${(e) => { setKind(Number(e.target.value)); setErrors({}); }}>
          ${KIND_NAMES.map((name, i) => html`<option value=${i}>${name}</option>`)}
        </select></label>
      ${KIND_FIELDS[kind].map((name) => html`<label>${FIELD_LABELS[name]}${name === 'value' && TOKEN_PARAMETERS.has(fields.parameter) ? ' (ACT)' : ''}
        ${name === 'role' || name === 'parameter'
          ? html`<select name=${name} value=${fields[name]} onChange=${set(name)}>${(name === 'role' ? ROLE_NAMES : PARAMETER_NAMES).map((o) => html`<option>${o}</option>`)}</select>`
          : html`<input name=${name} value=${fields[name] || ''} onInput=${set(name)} autocomplete="off" spellcheck="false"
              placeholder=${name === 'account' ? '0x…' : name === 'member' ? 'acme-ai' : ''} />`}
        ${errors[name] && html`<span class="field-error" data-field=${name}>${errors[name]}</span>`}</label>`)}
      <label>description
        <textarea name="description" value=${description} onInput=${(e) => setDescription(e.target.value)} rows="3"></textarea>
        ${errors.description && html`<span class="field-error" data-field="description">${errors.description}</span>`}</label>
      ${encoded.payload && html`<p class="preview">It will <${Sentence} parts=${describeAction(kind, encoded.payload)} />.</p>`}
      <button type="submit" class="propose-submit" disabled=${!ready || !!busy}>Propose</button>
    </form>
    <${Outcome} busy=${busy} message=${message} />
  </section>`;
}

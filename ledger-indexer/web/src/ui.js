// Small building blocks every view shares: loading with live refresh, links, values, badges.
import { html } from 'htm/preact';
import { useEffect, useState } from 'preact/hooks';
import { read } from './api.js';
import { useLive } from './live.js';
import { bytes32Text, shortHex } from './format.js';

/**
 * Runs `load` (async) when `key` changes and again whenever the ledger changed (the event
 * stream), or every `everyMs` when given (states that change with blocks alone, like a vote's
 * blocks left), or when `nudge` changes (after the page's own transaction is indexed). Keeps the
 * last answer on screen while reading again.
 */
export function useLoad(load, key, everyMs = 0, nudge = 0) {
  const tick = useLive();
  const [clock, setClock] = useState(0);
  const [state, setState] = useState({ loading: true, key });
  useEffect(() => {
    if (!everyMs) return undefined;
    const id = setInterval(() => setClock((c) => c + 1), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  useEffect(() => {
    let current = true;
    load().then(
      (value) => current && setState({ value, key }),
      (error) => current && setState({ error, key }),
    );
    return () => {
      current = false;
    };
  }, [key, tick, clock, nudge]);
  // a new key shows "loading" rather than the previous page's values
  return state.key === key ? state : { loading: true, key };
}

/** useLoad of one REST path. */
export function useRead(path, everyMs = 0) {
  return useLoad(() => read(path), path, everyMs);
}

/** Renders a load's value with `render`, or its loading line, or its error as a sentence. */
export function Loaded({ state, children }) {
  if (state.error) return html`<p class="error" role="alert">${state.error.message}</p>`;
  if (state.loading) return html`<p class="muted">Loading…</p>`;
  return children(state.value);
}

export function Address({ value, label }) {
  if (!value) return html`<span class="muted">none</span>`;
  return html`<a class="hex" href=${`#/accounts/${value}`} title=${value}>${label || shortHex(value)}</a>`;
}

export function Member({ value }) {
  if (!value) return html`<span class="muted">no member</span>`;
  return html`<a class="member" href=${`#/members/${value}`} title=${value}>${bytes32Text(value)}</a>`;
}

export function Dataset({ value, revoked, tainted }) {
  return html`<a class=${`hex dataset${revoked ? ' revoked' : tainted ? ' tainted' : ''}`} href=${`#/datasets/${value}`} title=${value}
    >${shortHex(value)}${revoked ? html` <span class="mark">revoked</span>` : tainted ? html` <span class="mark">tainted</span>` : ''}</a>`;
}

export function Model({ value }) {
  return html`<a class="hex" href=${`#/models/${value}`} title=${value}>${shortHex(value)}</a>`;
}

export function Block({ number }) {
  return html`<a href=${`#/blocks/${number}`}>#${number}</a>`;
}

export function Tx({ hash }) {
  if (!hash) return html`<span class="muted">genesis</span>`;
  return html`<a class="hex" href=${`#/tx/${hash}`} title=${hash}>${shortHex(hash)}</a>`;
}

/** A value that is only shown (hashes): shortened, whole in its title. */
export function Hex({ value }) {
  if (!value) return html`<span class="muted">none</span>`;
  return html`<span class="hex" title=${value}>${shortHex(value)}</span>`;
}

export function Badge({ badge }) {
  return html`<span class=${`badge ${badge.tone}`}>${badge.label}</span>`;
}

/** A definition list of [label, value] pairs; it wraps to one column on a phone. */
export function Facts({ items }) {
  return html`<dl class="facts">
    ${items.filter(Boolean).map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}
  </dl>`;
}

/** Sentence parts ({address}, {member} or text) as text with links. */
export function Sentence({ parts }) {
  return parts.map((part) => {
    if (typeof part === 'string') return part;
    if (part.address) return html`<${Address} value=${part.address} />`;
    if (part.member) return html`<${Member} value=${part.member} />`;
    return '';
  });
}

/** The block an answer reflects, as every page states it. */
export function AsOf({ block }) {
  if (!block) return null;
  // not a link: the indexer keeps only blocks with ledger events, and this one may have none
  return html`<p class="asof">As indexed at block ${block.number}.</p>`;
}

export function Progress({ value, label }) {
  const shown = Math.max(0, Math.min(100, value));
  return html`<div class="progress" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow=${shown} aria-label=${label}>
    <div class="bar" style=${{ width: `${shown}%` }}></div>
  </div>`;
}

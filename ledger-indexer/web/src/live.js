// Live refresh: the indexer's event stream tells the page that something was indexed, and every
// view on screen reads again. Bursts (a block of many events) are coalesced into one refresh.
import { useEffect, useState } from 'preact/hooks';
import { EVENT_NAMES } from './contracts.js';

const listeners = new Set();
let state = 'connecting';
let lastEvent = null;
let timer = null;

function notify() {
  timer = null;
  for (const listener of listeners) listener();
}

function schedule() {
  if (timer === null) timer = setTimeout(notify, 250);
}

/** Opens the stream once; the browser reconnects by itself and resumes with Last-Event-ID. */
export function startLive() {
  if (typeof EventSource === 'undefined') {
    state = 'unsupported';
    return;
  }
  const source = new EventSource('/v1/events/stream');
  source.onopen = () => {
    state = 'live';
    schedule();
  };
  source.onerror = () => {
    state = 'reconnecting';
    schedule();
  };
  // every event has its ABI name as the SSE event type, so listen to the default and the named
  source.onmessage = onEvent;
  for (const name of EVENT_NAMES) source.addEventListener(name, onEvent);
}

function onEvent(e) {
  try {
    lastEvent = JSON.parse(e.data);
  } catch (err) {
    lastEvent = null;
  }
  schedule();
}

/** A number that changes whenever the ledger changed; views read again when it does. */
export function useLive() {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const listener = () => setTick((t) => t + 1);
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, []);
  return tick;
}

export function liveState() {
  return { state, lastEvent };
}


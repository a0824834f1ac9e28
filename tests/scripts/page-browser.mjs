// Drives Debian's chromium with playwright-core through the indexer's page, as a voter without a
// wallet would, and checks what it shows against the indexer's own REST answers: the proposals
// list with the demo's proposal in its current state, the proposal's votes, a model's rounds, a
// read-only hint. Saves screenshots of the main screens at desktop and phone width.
//
// Usage: node page-browser.mjs <indexer URL> <chromium binary> <screenshot dir>
// Prints one JSON line with what it saw; exits non-zero with a message on the first mismatch.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const [base, executablePath, shots] = process.argv.slice(2);
if (!base || !executablePath || !shots) {
  console.error('usage: node page-browser.mjs <indexer URL> <chromium binary> <screenshot dir>');
  process.exit(2);
}
fs.mkdirSync(shots, { recursive: true });

const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };
// the badge the page must show for each state the indexer reports
const BADGE = {
  pending: 'pending', active: 'active', defeated: 'defeated', queued: 'queued', succeeded: 'executable',
  expired: 'expired', executed: 'executed', canceled: 'canceled',
};

async function api(p) {
  const response = await fetch(`${base}/v1/${p}`);
  if (!response.ok) throw new Error(`${p}: ${response.status} ${await response.text()}`);
  return (await response.json()).data;
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function open(page, hash, ready) {
  await page.goto(`${base}/#${hash}`);
  await page.locator(ready).first().waitFor({ timeout: 15000 });
}

async function main() {
  // root in CI: chromium's sandbox needs user namespaces a container may not grant
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
  const problems = [];
  const seen = {};
  try {
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
      const page = await context.newPage();
      page.on('console', (m) => m.type() === 'error' && problems.push(`${name} console: ${m.text()}`));
      page.on('pageerror', (e) => problems.push(`${name} page error: ${e.message}`));
      page.on('requestfailed', (r) => {
        // the event stream is cut when the page navigates away; anything else is a fault
        if (!r.url().includes('/v1/events/stream')) problems.push(`${name} request failed: ${r.url()}`);
      });
      page.on('request', (r) => {
        if (!r.url().startsWith(base)) problems.push(`${name} fetched from elsewhere: ${r.url()}`);
      });

      // the proposals list: the demo's proposal 1 in the state the indexer gives it
      // the state may move on while the page loads: it must show the state before or after
      const before = await api('proposals/1');
      await open(page, '/proposals', '[data-proposal="1"] .badge');
      const badge = (await page.locator('[data-proposal="1"] .badge').textContent()).trim();
      const proposal = await api('proposals/1');
      check([BADGE[before.state], BADGE[proposal.state]].includes(badge),
        `proposal 1 shows "${badge}" but the indexer says ${before.state}, then ${proposal.state}`);
      const action = (await page.locator('[data-proposal="1"] .action').textContent()).trim();
      check(/^grant CONTRIBUTOR to 0x976e…0aa9$/.test(action), `proposal 1's action reads "${action}"`);
      check(await page.locator('[data-wallet="none"]').isVisible(), 'no read-only hint without a wallet');
      seen.hint = (await page.locator('[data-wallet="none"]').textContent()).trim();
      seen[`${name}Badge`] = badge;
      seen.action = action;
      await page.screenshot({ path: path.join(shots, `proposals-${name}.png`), fullPage: true });

      // the proposal's page: every vote with member, balance and weight, as the indexer holds them
      await open(page, '/proposals/1', '.vote');
      const votes = await api('proposals/1/votes');
      const rows = await page.locator('.vote').count();
      check(rows === votes.length && rows === 2, `proposal 1 shows ${rows} votes, the indexer ${votes.length}`);
      const members = (await page.locator('.vote .member').allTextContents()).map((t) => t.trim()).sort();
      check(JSON.stringify(members) === JSON.stringify(['acme-ai', 'holder-one']), `voting members ${members}`);
      const text = await page.locator('.proposal-page').textContent();
      for (const v of votes) {
        const weight = BigInt(v.weight).toLocaleString('en-US');
        check(text.includes(weight), `vote weight ${weight} is not shown`);
      }
      check(text.includes(`${proposal.snapshotBlock} (balances counted here)`), 'no snapshot block');
      check(text.includes('capped'), 'the vote held at the cap is not marked capped');
      seen.votes = members;
      await page.screenshot({ path: path.join(shots, `proposal-${name}.png`), fullPage: true });

      // a model's page: its rounds as the indexer holds them
      const [model] = await api('models');
      await open(page, `/models/${model.modelId}`, '.round');
      const rounds = (await page.locator('.round').evaluateAll((els) => els.map((e) => e.dataset.round))).map(Number);
      check(rounds.length === model.roundCount, `model shows rounds ${rounds}, the indexer ${model.roundCount}`);
      seen.rounds = rounds;
      await page.screenshot({ path: path.join(shots, `model-${name}.png`), fullPage: true });

      if (name === 'desktop') {
        // the other screens, once: they share the layout checked above
        await open(page, `/models/${model.modelId}/rounds/1`, '.update');
        await page.screenshot({ path: path.join(shots, `round-${name}.png`), fullPage: true });
        const ds = await page.locator('.update .dataset').first().getAttribute('href');
        await open(page, ds.slice(1), '.lineage');
        await page.screenshot({ path: path.join(shots, `dataset-${name}.png`), fullPage: true });
        const contributor = await page.locator('.dataset-page .facts a.hex').first().getAttribute('href');
        await open(page, contributor.slice(1), '.account-page, .account-unknown');
        await page.screenshot({ path: path.join(shots, `account-${name}.png`), fullPage: true });
        await open(page, '/network', '.validators .row');
        await page.screenshot({ path: path.join(shots, `network-${name}.png`), fullPage: true });
        await open(page, '/blocks', '.blocks .row');
        await page.screenshot({ path: path.join(shots, `blocks-${name}.png`), fullPage: true });
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  check(problems.length === 0, `the page misbehaved:\n  ${problems.join('\n  ')}`);
  console.log(JSON.stringify(seen));
}

main().catch((e) => {
  console.error(`page-browser: ${e.message}`);
  process.exit(1);
});

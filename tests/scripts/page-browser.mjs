// Drives Debian's chromium with playwright-core through the indexer's page, as a voter without a
// wallet would, and checks what it shows against the indexer's own REST answers: the proposals
// list with the demo's proposal in its current state, the proposal's votes, a model's rounds, a
// read-only hint. Saves screenshots of the main screens at desktop and phone width.
//
// Then, with test wallets injected into the page (test-wallet.mjs), as voters with a wallet: two
// announced wallets are both offered; one on the wrong chain is switched (adding the chain); a
// proposal is made through the page, voted on by two members (one held at the cap), with a
// rejected signature on the way, and executed; the chain and the indexer must agree with what the
// page shows at each step.
//
// Usage: node page-browser.mjs <indexer URL> <chromium binary> <screenshot dir> <node RPC URL>
// Prints one JSON line with what it saw; exits non-zero with a message on the first mismatch.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { Contract, id } from 'ethers';
import { TestWallets } from './test-wallet.mjs';

const [base, executablePath, shots, rpcUrl] = process.argv.slice(2);
if (!base || !executablePath || !shots || !rpcUrl) {
  console.error('usage: node page-browser.mjs <indexer URL> <chromium binary> <screenshot dir> <node RPC URL>');
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
  // (a failed wait names the page it waited on)
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
        // a cited dataset derived from another (the demo's curated set, derived from a revoked one)
        let ds = null;
        let lineage = null;
        for (const href of await page.locator('.update .dataset').evaluateAll((els) => els.map((e) => e.getAttribute('href')))) {
          lineage = await api(`datasets/${href.slice('#/datasets/'.length)}/lineage`);
          if (lineage.parents.length > 0) {
            ds = href;
            break;
          }
        }
        check(ds !== null, 'no dataset cited in round 1 is derived from another');
        await open(page, ds.slice(1), '.lineage');
        // the lineage by generation: the dataset itself, and its parents a generation up with
        // their revocations marked, as the indexer holds them
        const datasetId = ds.slice('#/datasets/'.length);
        const itself = await page.locator('.lineage [data-generation="0"] a.dataset').getAttribute('title');
        check(itself === datasetId, `the lineage centres on ${itself}, not ${datasetId}`);
        for (const parent of lineage.parents) {
          const shown = page.locator(`.lineage [data-generation="-1"] a.dataset[title="${parent.datasetId}"]`);
          check(await shown.count() === 1, `parent ${parent.datasetId} is not a generation up`);
          const marked = (await shown.getAttribute('class')).includes('revoked');
          check(marked === parent.revoked, `parent ${parent.datasetId} revoked ${parent.revoked}, marked ${marked}`);
        }
        for (const child of lineage.children) {
          const shown = page.locator(`.lineage [data-generation="1"] a.dataset[title="${child.datasetId}"]`);
          check(await shown.count() === 1, `child ${child.datasetId} is not a generation down`);
        }
        seen.lineageParents = lineage.parents.length;
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
    await withWallets(browser, problems, seen);
  } finally {
    await browser.close();
  }
  check(problems.length === 0, `the page misbehaved:\n  ${problems.join('\n  ')}`);
  console.log(JSON.stringify(seen));
}

// the devnet's accounts (m/44'/60'/0'/0/i): acme-ai's whale, holder-one, holder-three, a load
// account (member "load", no tokens)
const ACME = 0;
const HOLDER_ONE = 6;
const HOLDER_THREE = 9;
const LOAD = 10;
const GOVERNOR = '0x0000000000000000000000000000000000001004';
const PERMISSIONS = '0x0000000000000000000000000000000000001000';
const EXECUTED = 7n;

function isqrt(n) {
  if (n < 2n) return n;
  let x = n;
  let y = (x + 1n) / 2n;
  while (y < x) {
    x = y;
    y = (x + n / x) / 2n;
  }
  return x;
}

const digits = (text) => BigInt(text.replace(/[^0-9]/g, ''));

async function waitFor(what, condition, timeoutMs) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function withWallets(browser, problems, seen) {
  const wallets = new TestWallets(rpcUrl, [
    // A starts on mainnet and does not know the ledger's chain: the page must add it, then switch
    { name: 'Test Wallet A', account: ACME, chainId: '0x1' },
    { name: 'Test Wallet B', account: HOLDER_ONE, chainId: '0x539' },
  ]);
  const governor = new Contract(GOVERNOR, [
    'function state(uint256) view returns (uint8)',
    'function votingPower(address,uint256) view returns (uint256)',
  ], wallets.provider);
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop, deviceScaleFactor: 1 });
  await wallets.install(context);
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && problems.push(`wallet console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`wallet page error: ${e.message}`));
  const A = wallets.wallets['Test Wallet A'];
  try {
    await carryAProposal(page, wallets, governor, A, seen);
  } catch (e) {
    // what the page showed when it went wrong, beside the other screenshots
    await page.screenshot({ path: path.join(shots, 'wallet-failure.png'), fullPage: true }).catch(() => {});
    throw new Error(`with a wallet, ${e.message}`);
  } finally {
    await context.close();
  }
}

async function carryAProposal(page, wallets, governor, A, seen) {

  // both announced wallets are offered, by name; nothing connects before a click
  await open(page, '/proposals', '.wallet-choice');
  await page.locator('.wallet-choice').nth(1).waitFor();
  seen.offered = (await page.locator('.wallet-choice').allTextContents()).map((t) => t.trim());
  check(seen.offered.length === 2, `offered wallets: ${seen.offered}`);

  // connect A: it is on chain 1 and does not know 1337, so the page adds the chain and switches
  await page.locator('.wallet-choice', { hasText: 'Test Wallet A' }).click();
  await page.locator('[data-wallet="connected"]').waitFor({ timeout: 15000 });
  await waitFor('the switch to chain 1337', async () => A.chainId === '0x539' && (await page.locator('.wallet-bar .wrong-chain').count()) === 0, 15000);
  check(A.added.length === 1 && A.added[0].chainId === '0x539' && A.added[0].rpcUrls.length > 0, `added chain ${JSON.stringify(A.added)}`);
  seen.switched = [...A.switched];
  seen.addedChain = { chainId: A.added[0].chainId, chainName: A.added[0].chainName, rpcUrls: A.added[0].rpcUrls };

  // propose through the page: a bad address is refused before anything is signed
  await open(page, '/propose', '.propose-form');
  await page.selectOption('select[name="kind"]', '3');
  await page.selectOption('select[name="role"]', 'AUDITOR');
  await page.fill('input[name="account"]', '0x1234');
  await page.fill('textarea[name="description"]', 'Let one more holder audit the rounds');
  await page.click('button.propose-submit');
  await page.locator('.field-error[data-field="account"]').waitFor({ timeout: 5000 });
  check(A.sent.length === 0, 'a proposal with a bad address was sent');
  await page.screenshot({ path: path.join(shots, 'propose-desktop.png'), fullPage: true });
  // holder-three, or on a devnet where an earlier run granted it, the next account without it
  const permissions = new Contract(PERMISSIONS, ['function hasRole(bytes32,address) view returns (bool)'], wallets.provider);
  let auditor = null;
  for (let i = HOLDER_THREE; auditor === null; i++) {
    if (!(await permissions.hasRole(id('AUDITOR'), wallets.address(i)))) auditor = wallets.address(i);
  }
  await page.fill('input[name="account"]', auditor);
  await page.click('button.propose-submit');
  await page.waitForURL(/#\/proposals\/\d+$/, { timeout: 60000 });
  const proposalId = Number(new URL(page.url()).hash.split('/').pop());
  const made = await api(`proposals/${proposalId}`);
  check(made.kind === 3 && made.proposer === wallets.address(ACME), `proposal ${proposalId} is ${JSON.stringify(made)}`);
  const action = (await page.locator('.proposal-page .action').textContent()).trim();
  check(action === `grant AUDITOR to ${auditor.slice(0, 6)}…${auditor.slice(-4)}`, `proposal ${proposalId} reads "${action}"`);
  seen.proposal = { id: proposalId, action };

  // voting opens one block later; acme-ai's power is held at the cap, as the governor says
  await page.locator('button.vote-for').waitFor({ timeout: 30000 });
  const proposal = await api(`proposals/${proposalId}`);
  const onChain = await governor.votingPower(wallets.address(ACME), proposal.snapshotBlock);
  const shownPower = digits(await page.locator('.power-value').textContent());
  const root = digits(await page.locator('.vote-panel .root').textContent());
  check(shownPower === onChain && shownPower === BigInt(proposal.cap) && root > shownPower,
    `acme-ai's power shows ${shownPower} (root ${root}), the chain says ${onChain}, the cap is ${proposal.cap}`);
  check(await page.locator('.vote-panel .mark', { hasText: 'capped' }).isVisible(), 'the capped power is not marked');
  seen.capped = { power: shownPower.toString(), cap: proposal.cap, root: root.toString() };
  await page.screenshot({ path: path.join(shots, 'vote-desktop.png'), fullPage: true });
  await page.setViewportSize(VIEWPORTS.phone);
  await page.screenshot({ path: path.join(shots, 'vote-phone.png'), fullPage: true });
  await page.setViewportSize(VIEWPORTS.desktop);

  // the voter rejects the signature: "cancelled", nothing sent, the buttons usable again
  wallets.rejectNext('Test Wallet A');
  await page.click('button.vote-for');
  await page.locator('.vote-panel .outcome.cancelled').waitFor({ timeout: 15000 });
  seen.rejected = (await page.locator('.vote-panel .outcome').textContent()).trim();
  check(await page.locator('button.vote-for').isEnabled(), 'the vote button stays locked after a rejection');
  check(A.sent.length === 1, `${A.sent.length} transactions sent after the rejected vote`);

  // now approved: locked until the indexer shows the vote, then "already voted"
  await page.click('button.vote-for');
  await page.locator('button.vote-for:disabled').waitFor({ timeout: 2000 });
  await page.locator('.vote-panel .already-voted').waitFor({ timeout: 60000 });
  const afterFirst = await api(`proposals/${proposalId}/votes`);
  check(afterFirst.length === 1 && afterFirst[0].voter === wallets.address(ACME) && afterFirst[0].weight === proposal.cap,
    `after acme-ai's vote the indexer holds ${JSON.stringify(afterFirst)}`);

  // another account: a load account's member held nothing at the snapshot, so its power is zero
  await wallets.switchAccount(page, 'Test Wallet A', LOAD);
  await page.locator('.vote-panel .zero-reason').waitFor({ timeout: 15000 });
  seen.zeroReason = (await page.locator('.vote-panel .zero-reason').textContent()).trim();
  check(/no tokens at the snapshot/.test(seen.zeroReason), `zero power reads "${seen.zeroReason}"`);

  // that account proposing is refused by the ledger (below the threshold): the reason, as a
  // sentence, before the wallet is asked to sign anything
  const sentBefore = A.sent.length;
  await open(page, '/propose', '.propose-form');
  await page.selectOption('select[name="kind"]', '5');
  await page.fill('input[name="account"]', wallets.address(LOAD));
  await page.fill('textarea[name="description"]', 'A node for the load account');
  await page.click('button.propose-submit');
  await page.locator('.propose .outcome.error').waitFor({ timeout: 15000 });
  seen.refused = (await page.locator('.propose .outcome.error').textContent()).trim();
  check(/^The ledger refused it: .*proposal threshold/.test(seen.refused) && A.sent.length === sentBefore,
    `proposing below the threshold reads "${seen.refused}" after ${A.sent.length - sentBefore} transactions`);
  await open(page, `/proposals/${proposalId}`, '.vote-panel');

  // holder-one, the second member, votes for
  await wallets.switchAccount(page, 'Test Wallet A', HOLDER_ONE);
  await page.locator('.vote-panel .member', { hasText: 'holder-one' }).waitFor({ timeout: 15000 });
  await page.locator('button.vote-for').click();
  await page.locator('.vote-panel .already-voted').waitFor({ timeout: 60000 });
  const votes = await api(`proposals/${proposalId}/votes`);
  const shownVotes = await page.locator('.vote').count();
  check(votes.length === 2 && shownVotes === 2, `the indexer holds ${votes.length} votes, the page shows ${shownVotes}`);
  seen.walletVotes = (await page.locator('.vote .member').allTextContents()).map((t) => t.trim()).sort();

  // after the voting period and the timelock, anyone executes it
  await page.locator('button.execute').waitFor({ timeout: 120000 });
  await page.click('button.execute');
  await page.locator('.proposal-page .badge', { hasText: 'executed' }).waitFor({ timeout: 60000 });
  const chainState = await governor.state(proposalId);
  const indexed = await api(`proposals/${proposalId}`);
  check(chainState === EXECUTED && indexed.state === 'executed', `executed on the page; the chain says ${chainState}, the indexer ${indexed.state}`);
  seen.executed = { chain: Number(chainState), indexer: indexed.state, page: 'executed' };

  // the user moves the wallet to another chain: the page follows chainChanged and offers to
  // switch back, which the wallet (knowing 1337 by now) does at once
  A.chainId = '0x1';
  await wallets.emit(page, A, 'chainChanged', '0x1');
  await page.locator('.wallet-bar .wrong-chain').waitFor({ timeout: 10000 });
  await page.locator('.vote-panel .wrong-chain button').click();
  await waitFor('the switch back to 1337', async () => A.chainId === '0x539' && (await page.locator('.wrong-chain').count()) === 0, 15000);
  seen.followedChain = A.switched.length;

  // disconnecting goes back to the choice of wallets
  await page.click('button.disconnect');
  await page.locator('.wallet-choice').nth(1).waitFor({ timeout: 5000 });
  seen.disconnected = (await page.locator('[data-wallet="connected"]').count()) === 0;
}

main().catch((e) => {
  console.error(`page-browser: ${e.message}`);
  process.exit(1);
});

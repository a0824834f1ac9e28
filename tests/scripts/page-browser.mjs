// Drives Debian's chromium with playwright-core through the indexer's page, as a voter without a
// wallet would, and checks what it shows against the indexer's own REST answers: the proposals
// list with the demo's proposal in its current state, the proposal's votes, a model's rounds, a
// round's flagged updates and tainted citations, a dataset's lineage graph, a contributor's
// rewards per day and over blocks, a read-only hint. Saves screenshots of the main screens at
// desktop and phone width.
//
// Then, with test wallets injected into the page (test-wallet.mjs), as voters with a wallet: two
// announced wallets are both offered; one on the wrong chain is switched (adding the chain); two
// proposals of two kinds (grant a role, set a parameter) are made through the page, voted on by
// members (one held at the cap), with a rejected signature, each EIP-1193 provider error and a
// vote mined but reverted on the way, and executed; a third is canceled while pending; the chain
// and the indexer must agree with what the page shows at each step.
//
// Usage: node page-browser.mjs <indexer URL> <chromium binary> <screenshot dir> <node RPC URL>
// Prints one JSON line with what it saw; exits non-zero with a message on the first mismatch.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { Contract, encodeBytes32String, id } from 'ethers';
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

/** Whether the page is wider than its viewport (a phone would scroll the whole page sideways). */
async function overflows(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

/**
 * The lineage graph against the indexer's lineage of `datasetId`: the dataset highlighted, each
 * parent a node above it joined by an edge parent → dataset and marked revoked as the indexer says,
 * each child a node below it; a dataset with a revoked parent is marked tainted; the legend names
 * the marks.
 */
async function checkLineageGraph(page, datasetId, lineage) {
  const node = (id) => page.locator(`.lineage-graph a.node[data-dataset="${id}"]`);
  const current = page.locator('.lineage-graph a.node.current');
  check(await current.count() === 1 && (await current.getAttribute('data-dataset')) === datasetId, 'the graph does not highlight the dataset');
  const top = async (id) => (await node(id).locator('rect').boundingBox()).y;
  const centre = await top(datasetId);
  for (const parent of lineage.parents) {
    check(await node(parent.datasetId).count() === 1, `parent ${parent.datasetId} is not in the graph`);
    check(await top(parent.datasetId) < centre, `parent ${parent.datasetId} is not drawn above`);
    const edge = page.locator(`.lineage-graph path.edge[data-from="${parent.datasetId}"][data-to="${datasetId}"]`);
    check(await edge.count() === 1, `no edge from parent ${parent.datasetId}`);
    const marked = (await node(parent.datasetId).getAttribute('class')).split(' ').includes('revoked');
    check(marked === parent.revoked, `parent ${parent.datasetId} revoked ${parent.revoked}, marked ${marked}`);
  }
  for (const child of lineage.children) {
    check(await top(child.datasetId) > centre, `child ${child.datasetId} is not drawn below`);
    const edge = page.locator(`.lineage-graph path.edge[data-from="${datasetId}"][data-to="${child.datasetId}"]`);
    check(await edge.count() === 1, `no edge to child ${child.datasetId}`);
  }
  const tainted = (await current.getAttribute('class')).split(' ').some((c) => c === 'tainted' || c === 'revoked');
  if (lineage.parents.some((p) => p.revoked)) check(tainted, 'a dataset with a revoked parent is not marked tainted');
  const legend = await page.locator('.lineage-graph .legend').textContent();
  check(/revoked/.test(legend) && /tainted/.test(legend), `the legend reads "${legend}"`);
  return { parents: lineage.parents.length, revokedParents: lineage.parents.filter((p) => p.revoked).length, tainted };
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

      // a round's updates with the datasets they cite, each marked as the indexer marks it
      await open(page, `/models/${model.modelId}/rounds/1`, '.update');
      const updates = await api(`models/${model.modelId}/rounds/1/updates`);
      check(await page.locator('.update').count() === updates.length, `round 1 shows ${await page.locator('.update').count()} updates, the indexer ${updates.length}`);
      for (const u of updates) {
        const row = page.locator(`.update[data-contributor="${u.contributor}"]`);
        const flagged = (await row.getAttribute('class')).includes('flagged');
        check(flagged === u.flagged, `update of ${u.contributor}: flagged ${u.flagged}, marked ${flagged}`);
        for (const c of u.citations) {
          const cls = await row.locator(`a.dataset[title="${c.datasetId}"]`).getAttribute('class');
          const shown = cls.includes('revoked') ? 'revoked' : cls.includes('tainted') ? 'tainted' : 'clean';
          const standing = c.revoked ? 'revoked' : c.tainted ? 'tainted' : 'clean';
          check(shown === standing, `dataset ${c.datasetId} cited by ${u.contributor} is ${standing}, marked ${shown}`);
        }
      }
      seen.flaggedUpdates = updates.filter((u) => u.flagged).length;
      check(!(await overflows(page)), `the round page is wider than the ${name} screen`);
      await page.screenshot({ path: path.join(shots, `round-${name}.png`), fullPage: true });

      // a cited dataset derived from another (the demo's curated set, derived from a revoked one)
      let datasetId = null;
      let lineage = null;
      for (const c of updates.flatMap((u) => u.citations)) {
        lineage = await api(`datasets/${c.datasetId}/lineage`);
        if (lineage.parents.length > 0) {
          datasetId = c.datasetId;
          break;
        }
      }
      check(datasetId !== null, 'no dataset cited in round 1 is derived from another');
      await open(page, `/datasets/${datasetId}`, '.lineage-graph a.node');
      seen.lineage = await checkLineageGraph(page, datasetId, lineage);
      check(!(await overflows(page)), `the dataset page is wider than the ${name} screen`);
      await page.screenshot({ path: path.join(shots, `dataset-${name}.png`), fullPage: true });
      if (name === 'desktop') {
        // every dataset of the graph is a link to its page
        const parent = lineage.parents[0].datasetId;
        await page.locator(`.lineage-graph a.node[data-dataset="${parent}"]`).click();
        await page.locator(`.lineage-graph a.node.current[data-dataset="${parent}"]`).waitFor({ timeout: 15000 });
      }

      // a contributor's rewards: per day by default, over blocks at a click
      const contributor = updates.find((u) => u.reward != null).contributor;
      await open(page, `/accounts/${contributor}`, '.chart');
      const days = await api(`contributors/${contributor}/rewards?bucket=day`);
      check(await page.locator('button[data-bucket="day"][aria-pressed="true"]').count() === 1, 'the chart does not start per day');
      const bars = await page.locator('.chart.daily .bar').count();
      check(bars === days.length && bars > 0, `the chart draws ${bars} days, the indexer has ${days.length}`);
      seen.rewardDays = bars;
      check(!(await overflows(page)), `the account page is wider than the ${name} screen`);
      await page.screenshot({ path: path.join(shots, `account-${name}.png`), fullPage: true });
      await page.click('button[data-bucket="blocks"]');
      await page.locator('.chart:not(.daily) .point').first().waitFor({ timeout: 15000 });
      const blocks = await api(`contributors/${contributor}/rewards?bucket=blocks:1`);
      const points = await page.locator('.chart .point').count();
      check(points === blocks.length, `the chart marks ${points} paying blocks, the indexer has ${blocks.length}`);
      seen.rewardBlocks = points;

      if (name === 'desktop') {
        // the other screens, once: they share the layout checked above
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
const HOLDER_TWO = 7;
const HOLDER_TWO_OTHER = 8;
const HOLDER_THREE = 9;
const LOAD = 10;
const GOVERNOR = '0x0000000000000000000000000000000000001004';
const PERMISSIONS = '0x0000000000000000000000000000000000001000';
const EXECUTED = 7n;
const CANCELED = 2n;
// the delay the page's SetParameter proposal sets: blocks enough to cancel a proposal through it
const NEW_VOTING_DELAY = 15;

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
    'function getParameter(bytes32) view returns (uint256)',
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
  const grant = await propose(page);
  const made = await api(`proposals/${grant}`);
  check(made.kind === 3 && made.proposer === wallets.address(ACME), `proposal ${grant} is ${JSON.stringify(made)}`);
  const action = (await page.locator('.proposal-page .action').textContent()).trim();
  check(action === `grant AUDITOR to ${auditor.slice(0, 6)}…${auditor.slice(-4)}`, `proposal ${grant} reads "${action}"`);
  seen.proposal = { id: grant, action };

  // a second kind: set a parameter (a voting delay long enough to cancel a proposal, below)
  await open(page, '/propose', '.propose-form');
  await page.selectOption('select[name="kind"]', '0');
  await page.selectOption('select[name="parameter"]', 'votingDelay');
  await page.fill('input[name="value"]', String(NEW_VOTING_DELAY));
  await page.fill('textarea[name="description"]', 'Give proposers time to withdraw a proposal');
  const setting = await propose(page);
  const settingAction = (await page.locator('.proposal-page .action').textContent()).trim();
  check(settingAction === `set votingDelay to ${NEW_VOTING_DELAY}`, `proposal ${setting} reads "${settingAction}"`);
  check((await api(`proposals/${setting}`)).kind === 0, `proposal ${setting} is not a SetParameter`);
  seen.setting = { id: setting, action: settingAction };

  // voting opens one block later: acme-ai votes for the grant, then turns to the setting
  await open(page, `/proposals/${grant}`, '.vote-panel');
  await vote(page, 'for');

  // acme-ai's power on the setting is held at the cap, as the governor says
  await open(page, `/proposals/${setting}`, '.vote-panel');
  await page.locator('button.vote-for').waitFor({ timeout: 30000 });
  const proposal = await api(`proposals/${setting}`);
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
  const sentBefore = A.sent.length;
  wallets.rejectNext('Test Wallet A');
  await page.click('button.vote-for');
  await page.locator('.vote-panel .outcome.cancelled').waitFor({ timeout: 15000 });
  seen.rejected = (await page.locator('.vote-panel .outcome').textContent()).trim();
  check(await page.locator('button.vote-for').isEnabled(), 'the vote button stays locked after a rejection');
  // the wallet fails with each provider error of EIP-1193: a sentence each, the page usable
  seen.providerErrors = {};
  for (const code of [4100, 4200, 4900, 4901]) {
    wallets.failNext('Test Wallet A', code);
    await page.click('button.vote-for');
    await page.locator('.vote-panel .outcome.error').waitFor({ timeout: 15000 });
    const text = (await page.locator('.vote-panel .outcome.error').textContent()).trim();
    check(!/[{}]/.test(text) && /^[A-Z].*\.$/.test(text), `error ${code} reads "${text}"`);
    check(await page.locator('button.vote-for').isEnabled(), `the vote button stays locked after error ${code}`);
    seen.providerErrors[code] = text;
  }
  check(A.sent.length === sentBefore, `${A.sent.length - sentBefore} transactions sent by refused votes`);

  // now approved: locked until the indexer shows the vote, then "already voted"
  await vote(page, 'for');
  const afterFirst = await api(`proposals/${setting}/votes`);
  check(afterFirst.length === 1 && afterFirst[0].voter === wallets.address(ACME) && afterFirst[0].weight === proposal.cap,
    `after acme-ai's vote the indexer holds ${JSON.stringify(afterFirst)}`);

  // holder-one, the second member, votes for both
  await wallets.switchAccount(page, 'Test Wallet A', HOLDER_ONE);
  await page.locator('.vote-panel .member', { hasText: 'holder-one' }).waitFor({ timeout: 15000 });
  await vote(page, 'for');
  await open(page, `/proposals/${grant}`, '.vote-panel');
  await page.locator('.vote-panel .member', { hasText: 'holder-one' }).waitFor({ timeout: 15000 });
  await vote(page, 'for');
  const votes = await api(`proposals/${grant}/votes`);
  const shownVotes = await page.locator('.vote').count();
  check(votes.length === 2 && shownVotes === 2, `the indexer holds ${votes.length} votes, the page shows ${shownVotes}`);
  seen.walletVotes = (await page.locator('.vote .member').allTextContents()).map((t) => t.trim()).sort();

  // a transaction mined but reverted: holder-two's first account signs a vote on the setting, and
  // before the wallet broadcasts it the member's other account votes; the ledger refuses the
  // second vote of a member, so the signed one is mined and reverts
  await open(page, `/proposals/${setting}`, '.vote-panel');
  await wallets.switchAccount(page, 'Test Wallet A', HOLDER_TWO);
  await page.locator('.vote-panel .member', { hasText: 'holder-two' }).waitFor({ timeout: 15000 });
  await page.locator('button.vote-for').waitFor({ timeout: 15000 });
  const other = new Contract(GOVERNOR, ['function castVote(uint256,uint8)'], wallets.signer(HOLDER_TWO_OTHER));
  wallets.holdNextBroadcast('Test Wallet A', async () => {
    await (await other.castVote(setting, 1)).wait();
  });
  const sentBeforeRace = A.sent.length;
  await page.click('button.vote-for');
  await page.locator('.vote-panel .outcome.error').waitFor({ timeout: 60000 });
  seen.reverted = (await page.locator('.vote-panel .outcome.error').textContent()).trim();
  check(A.sent.length === sentBeforeRace + 1, 'the held vote was not broadcast');
  const receipt = await wallets.provider.getTransactionReceipt(A.sent[A.sent.length - 1].hash);
  check(receipt && receipt.status === 0, `the held vote's receipt has status ${receipt && receipt.status}`);
  seen.revertedOnChain = receipt.status === 0;
  await page.screenshot({ path: path.join(shots, 'vote-reverted-desktop.png'), fullPage: true });
  // still usable: the panel reads again and says the member has voted, by its other account
  await page.locator('.vote-panel .zero-reason', { hasText: 'already voted' }).waitFor({ timeout: 30000 });
  const settingVotes = await api(`proposals/${setting}/votes`);
  check(settingVotes.some((v) => v.voter === wallets.address(HOLDER_TWO_OTHER)) && !settingVotes.some((v) => v.voter === wallets.address(HOLDER_TWO)),
    `the setting's votes are ${JSON.stringify(settingVotes.map((v) => v.voter))}`);

  // another account: a load account's member held nothing at the snapshot, so its power is zero
  await wallets.switchAccount(page, 'Test Wallet A', LOAD);
  await page.locator('.vote-panel .zero-reason', { hasText: 'no tokens' }).waitFor({ timeout: 15000 });
  seen.zeroReason = (await page.locator('.vote-panel .zero-reason').textContent()).trim();
  check(/no tokens at the snapshot/.test(seen.zeroReason), `zero power reads "${seen.zeroReason}"`);

  // that account proposing is refused by the ledger (below the threshold): the reason, as a
  // sentence, before the wallet is asked to sign anything
  const sentBeforeRefusal = A.sent.length;
  await open(page, '/propose', '.propose-form');
  await page.selectOption('select[name="kind"]', '5');
  await page.fill('input[name="account"]', wallets.address(LOAD));
  await page.fill('textarea[name="description"]', 'A node for the load account');
  await page.click('button.propose-submit');
  await page.locator('.propose .outcome.error').waitFor({ timeout: 15000 });
  seen.refused = (await page.locator('.propose .outcome.error').textContent()).trim();
  check(/^The ledger refused it: .*proposal threshold/.test(seen.refused) && A.sent.length === sentBeforeRefusal,
    `proposing below the threshold reads "${seen.refused}" after ${A.sent.length - sentBeforeRefusal} transactions`);

  // after the voting period and the timelock, anyone executes them
  await wallets.switchAccount(page, 'Test Wallet A', ACME);
  await open(page, `/proposals/${grant}`, '.vote-panel');
  await execute(page);
  const chainState = await governor.state(grant);
  const indexed = await api(`proposals/${grant}`);
  check(chainState === EXECUTED && indexed.state === 'executed', `executed on the page; the chain says ${chainState}, the indexer ${indexed.state}`);
  seen.executed = { chain: Number(chainState), indexer: indexed.state, page: 'executed' };
  await open(page, `/proposals/${setting}`, '.vote-panel');
  await execute(page);
  const delay = await governor.getParameter(encodeBytes32String('votingDelay'));
  const settingState = await governor.state(setting);
  const settingIndexed = await api(`proposals/${setting}`);
  check(delay === BigInt(NEW_VOTING_DELAY) && settingState === EXECUTED && settingIndexed.state === 'executed',
    `after executing the setting the chain says votingDelay ${delay}, state ${settingState}, the indexer ${settingIndexed.state}`);
  seen.parameter = { name: 'votingDelay', chain: Number(delay), state: Number(settingState), indexer: settingIndexed.state };

  // the proposer cancels a proposal while it is pending (now for NEW_VOTING_DELAY blocks)
  await open(page, '/propose', '.propose-form');
  await page.selectOption('select[name="kind"]', '5');
  await page.fill('input[name="account"]', wallets.address(LOAD));
  await page.fill('textarea[name="description"]', 'A node for the load account, soon withdrawn');
  const withdrawn = await propose(page);
  await page.locator('.proposal-page .badge', { hasText: 'pending' }).waitFor({ timeout: 15000 });
  await page.locator('button.cancel').click();
  await page.locator('button.cancel:disabled').waitFor({ timeout: 2000 });
  await page.locator('.proposal-page .badge', { hasText: 'canceled' }).waitFor({ timeout: 60000 });
  const canceledOnChain = await governor.state(withdrawn);
  const canceledIndexed = await api(`proposals/${withdrawn}`);
  check(canceledOnChain === CANCELED && canceledIndexed.state === 'canceled',
    `canceled on the page; the chain says ${canceledOnChain}, the indexer ${canceledIndexed.state}`);
  check(await page.locator('button.cancel').count() === 0, 'the cancel button is still offered');
  seen.canceled = { id: withdrawn, chain: Number(canceledOnChain), indexer: canceledIndexed.state, page: 'canceled' };

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

/** Submits the propose form as filled; returns the id of the proposal the page then opens. */
async function propose(page) {
  const before = page.url();
  await page.click('button.propose-submit');
  await page.waitForURL((url) => url.toString() !== before && /#\/proposals\/\d+$/.test(url.hash), { timeout: 60000 });
  return Number(new URL(page.url()).hash.split('/').pop());
}

/** Votes through the panel: locked from the click until the indexer shows the vote. */
async function vote(page, support) {
  await page.locator(`button.vote-${support}`).waitFor({ timeout: 30000 });
  await page.click(`button.vote-${support}`);
  await page.locator(`button.vote-${support}:disabled`).waitFor({ timeout: 2000 });
  await page.locator('.vote-panel .already-voted').waitFor({ timeout: 60000 });
}

/** Executes once the proposal is executable: locked until the indexer shows it executed. */
async function execute(page) {
  await page.locator('button.execute').waitFor({ timeout: 120000 });
  await page.click('button.execute');
  await page.locator('button.execute:disabled').waitFor({ timeout: 2000 });
  await page.locator('.proposal-page .badge', { hasText: 'executed' }).waitFor({ timeout: 60000 });
}

main().catch((e) => {
  console.error(`page-browser: ${e.message}`);
  process.exit(1);
});

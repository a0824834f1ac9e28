#!/usr/bin/env node
// One full federated-training round on a running ledger node, driven through ethers v6 the way an
// outside JavaScript client drives it: attest datasets (and revoke one), register a model, open a
// round, three submissions, finalize. On success it prints one JSON summary on stdout: transaction
// hashes, ACT balances, reputations, the round and updates as the views report them, every log of
// the round parsed with the contract's interface, and the revert reasons ethers reports for calls
// that must fail. The system test LedgerRoundEthersIT runs it and checks the summary.
//
// Usage:
//   node ledger-round.mjs --rpc-url URL --abi-dir DIR --label TEXT --reward-pool WEI --weights W1,W2
// The private keys come from the environment (never argv, which other users can read), as JSON:
//   LEDGER_KEYS='{"owner":"0x…","aggregator":"0x…","contributors":["0x…","0x…","0x…"],
//                 "auditor":"0x…","lateContributor":"0x…"}'
// The first two contributors are accepted with the given weights, the third is rejected.
// Ids are keccak256("<label>/<name>") so that a caller can recompute them.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Contract, JsonRpcProvider, Wallet, id, keccak256, toUtf8Bytes } from "ethers";

const ADDRESSES = {
  ModelRegistry: "0x0000000000000000000000000000000000001001",
  DataProvenance: "0x0000000000000000000000000000000000001002",
  ContributionToken: "0x0000000000000000000000000000000000001003",
};
const CHAIN_ID = 1337n;
// the round stays open long enough for every step below, however slow the machine
const DEADLINE_MARGIN_BLOCKS = 300;
const OVERALL_TIMEOUT_MS = 120_000;

function fail(message) {
  console.error(`ledger-round: ${message}`);
  process.exit(1);
}

function options() {
  const { values } = parseArgs({
    options: {
      "rpc-url": { type: "string" },
      "abi-dir": { type: "string" },
      label: { type: "string" },
      "reward-pool": { type: "string" },
      weights: { type: "string" },
    },
  });
  for (const name of ["rpc-url", "abi-dir", "label", "reward-pool", "weights"]) {
    if (!values[name]) {
      fail(`--${name} is required`);
    }
  }
  const weights = values.weights.split(",").map((w) => BigInt(w));
  if (weights.length !== 2) {
    fail(`--weights takes the two accepted contributors' weights, got ${values.weights}`);
  }
  if (!process.env.LEDGER_KEYS) {
    fail("LEDGER_KEYS is not set (JSON with owner, aggregator, contributors[3], auditor, lateContributor)");
  }
  const keys = JSON.parse(process.env.LEDGER_KEYS);
  if (!Array.isArray(keys.contributors) || keys.contributors.length !== 3) {
    fail("LEDGER_KEYS.contributors must list three keys");
  }
  return {
    rpcUrl: values["rpc-url"],
    abiDir: values["abi-dir"],
    label: values.label,
    rewardPool: BigInt(values["reward-pool"]),
    weights,
    keys,
  };
}

function abi(abiDir, name) {
  const file = join(abiDir, `${name}.json`);
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    fail(`cannot read the ABI ${file} (${e.message}); build the chaincode module first`);
  }
}

/** A value from ethers (bigint, Result, array, string, bool) as plain JSON; bigints as decimal strings. */
function plain(value) {
  if (typeof value === "bigint") {
    return value.toString();
  }
  if (Array.isArray(value)) {
    return Array.from(value, plain);
  }
  return value;
}

/** A parsed log's arguments by name. */
function namedArgs(description) {
  const args = {};
  description.fragment.inputs.forEach((input, i) => {
    args[input.name] = plain(description.args[i]);
  });
  return args;
}

/** Sends, waits for the receipt and insists on success; returns the receipt. */
async function mined(what, pending) {
  const tx = await pending;
  const receipt = await tx.wait(1, 60_000);
  if (receipt.status !== 1) {
    throw new Error(`${what} (${tx.hash}) failed with status ${receipt.status}`);
  }
  return receipt;
}

/** What ethers reports when a call that must revert is simulated: error.reason is the contract's. */
async function revertOf(simulate) {
  try {
    const result = await simulate();
    return { reverted: false, result: plain(result) };
  } catch (e) {
    return { reverted: true, code: e.code ?? null, reason: e.reason ?? null, shortMessage: e.shortMessage ?? null };
  }
}

async function main() {
  const opts = options();
  // ethers answers an identical request from a 250 ms cache by default; on a chain whose blocks land
  // that fast, the second "pending" nonce of a sender would be the first one again (ethers #4549)
  const provider = new JsonRpcProvider(opts.rpcUrl, CHAIN_ID, { staticNetwork: true, pollingInterval: 200, cacheTimeout: -1 });
  const chainId = BigInt(await provider.send("eth_chainId", []));
  if (chainId !== CHAIN_ID) {
    fail(`the node reports chain id ${chainId}, expected ${CHAIN_ID}`);
  }
  const wallet = (key) => new Wallet(key, provider);
  const owner = wallet(opts.keys.owner);
  const aggregator = wallet(opts.keys.aggregator);
  const contributors = opts.keys.contributors.map(wallet);
  const auditor = wallet(opts.keys.auditor);
  const late = wallet(opts.keys.lateContributor);

  const registry = new Contract(ADDRESSES.ModelRegistry, abi(opts.abiDir, "ModelRegistry"), provider);
  const provenance = new Contract(ADDRESSES.DataProvenance, abi(opts.abiDir, "DataProvenance"), provider);
  const token = new Contract(ADDRESSES.ContributionToken, abi(opts.abiDir, "ContributionToken"), provider);

  const idOf = (name) => keccak256(toUtf8Bytes(`${opts.label}/${name}`));
  const modelId = idOf("model");
  const datasets = ["dataset-0", "dataset-1", "dataset-2", "raw", "derived"].reduce((all, name) => {
    all[name] = idOf(name);
    return all;
  }, {});
  const tx = {};
  const firstBlock = (await provider.getBlockNumber()) + 1;

  const supplyBefore = await token.totalSupply();
  const balancesBefore = {};
  for (const c of contributors) {
    balancesBefore[c.address] = (await token.balanceOf(c.address)).toString();
  }

  // each contributor attests the dataset it trains on; contributor 0 also attests a raw dataset and
  // one derived from it, and the auditor revokes the raw one, which taints the derived one
  const attested = await Promise.all(
    contributors.map((c, i) =>
      mined(
        `attest dataset-${i}`,
        provenance
          .connect(c)
          .attest(datasets[`dataset-${i}`], id(`${opts.label} content ${i}`), `ipfs://${opts.label}/${i}`, "CC-BY-4.0", []),
      ),
    ),
  );
  tx.attest = attested.map((r) => r.hash);
  tx.attestRaw = (
    await mined("attest raw", provenance.connect(contributors[0]).attest(datasets.raw, id(`${opts.label} raw`), "ipfs://raw", "CC0-1.0", []))
  ).hash;
  tx.attestDerived = (
    await mined(
      "attest derived",
      provenance.connect(contributors[0]).attest(datasets.derived, id(`${opts.label} derived`), "ipfs://derived", "CC0-1.0", [datasets.raw]),
    )
  ).hash;
  tx.revoke = (await mined("revoke raw", provenance.connect(auditor).revoke(datasets.raw, id("consent withdrawn")))).hash;
  const derivedTainted = await provenance.isTainted(datasets.derived);

  tx.registerModel = (
    await mined("registerModel", registry.connect(owner).registerModel(modelId, `ipfs://${opts.label}/model`, aggregator.address))
  ).hash;
  const deadlineBlock = (await provider.getBlockNumber()) + DEADLINE_MARGIN_BLOCKS;
  tx.openRound = (
    await mined(
      "openRound",
      registry.connect(aggregator).openRound(modelId, 1n, id(`${opts.label} base`), opts.rewardPool, deadlineBlock),
    )
  ).hash;

  const submitArgs = (i, cited) => [modelId, 1n, id(`${opts.label} update ${i}`), cited, 1000n + BigInt(i), id(`${opts.label} metrics ${i}`)];

  const reverts = {};
  // the third contributor first tries to cite the tainted dataset: a simulated call must say why
  reverts.tainted = {
    staticCall: await revertOf(() => registry.connect(contributors[2]).submitUpdate.staticCall(...submitArgs(2, [datasets.derived]))),
    estimateGas: await revertOf(() => registry.connect(contributors[2]).submitUpdate.estimateGas(...submitArgs(2, [datasets.derived]))),
  };

  const submitted = await Promise.all(contributors.map((c, i) => mined(`submitUpdate ${i}`, registry.connect(c).submitUpdate(...submitArgs(i, [datasets[`dataset-${i}`]])))));
  tx.submit = submitted.map((r) => r.hash);

  reverts.duplicate = {
    staticCall: await revertOf(() => registry.connect(contributors[0]).submitUpdate.staticCall(...submitArgs(9, [datasets["dataset-0"]]))),
    estimateGas: await revertOf(() => registry.connect(contributors[0]).submitUpdate.estimateGas(...submitArgs(9, [datasets["dataset-0"]]))),
  };

  const accepted = [contributors[0].address, contributors[1].address];
  const finalized = await mined(
    "finalizeRound",
    registry.connect(aggregator).finalizeRound(modelId, 1n, id(`${opts.label} aggregate`), accepted, opts.weights),
  );
  tx.finalize = finalized.hash;

  reverts.afterFinalize = {
    staticCall: await revertOf(() => registry.connect(late).submitUpdate.staticCall(...submitArgs(7, [datasets["dataset-0"]]))),
    estimateGas: await revertOf(() => registry.connect(late).submitUpdate.estimateGas(...submitArgs(7, [datasets["dataset-0"]]))),
  };

  const balances = {};
  const reputations = {};
  const updates = {};
  for (const c of contributors) {
    balances[c.address] = (await token.balanceOf(c.address)).toString();
    reputations[c.address] = (await registry.reputation(c.address)).toString();
    const u = await registry.getUpdate(modelId, 1n, c.address);
    updates[c.address] = { status: Number(u.status), updateHash: u.updateHash, datasetIds: plain(u.datasetIds), reward: u.reward.toString() };
  }
  const r = await registry.getRound(modelId, 1n);
  const round = {
    status: Number(r.status),
    rewardPool: r.rewardPool.toString(),
    deadlineBlock: r.deadlineBlock.toString(),
    aggregateHash: r.aggregateHash,
    submissions: r.submissions.toString(),
    accepted: r.accepted.toString(),
    minted: r.minted.toString(),
  };

  // every ModelRegistry log of this run, parsed by the contract's own interface
  const rawLogs = await provider.getLogs({ address: ADDRESSES.ModelRegistry, fromBlock: firstBlock, toBlock: finalized.blockNumber });
  const events = rawLogs.map((log) => {
    const parsed = registry.interface.parseLog(log);
    return {
      name: parsed ? parsed.name : null,
      signature: parsed ? parsed.signature : null,
      args: parsed ? namedArgs(parsed) : null,
      topics: log.topics,
      blockNumber: log.blockNumber,
      transactionHash: log.transactionHash,
      logIndex: log.index,
    };
  });
  // the mints of finalization as ContributionToken Transfer logs of the finalize receipt
  const mints = finalized.logs
    .filter((log) => log.address.toLowerCase() === ADDRESSES.ContributionToken.toLowerCase())
    .map((log) => {
      const parsed = token.interface.parseLog(log);
      return { name: parsed ? parsed.name : null, args: parsed ? namedArgs(parsed) : null };
    });

  const summary = {
    chainId: chainId.toString(),
    modelId,
    datasets,
    derivedTainted,
    contributors: contributors.map((c) => c.address),
    lateContributor: late.address,
    deadlineBlock,
    firstBlock,
    finalizeBlock: finalized.blockNumber,
    transactions: tx,
    totalSupplyBefore: supplyBefore.toString(),
    totalSupply: (await token.totalSupply()).toString(),
    balancesBefore,
    balances,
    reputations,
    round,
    updates,
    events,
    mints,
    reverts,
  };
  process.stdout.write(JSON.stringify(summary, null, 2) + "\n");
}

const timer = setTimeout(() => fail(`no result within ${OVERALL_TIMEOUT_MS / 1000} s`), OVERALL_TIMEOUT_MS);
main()
  .then(() => {
    clearTimeout(timer);
    process.exit(0);
  })
  .catch((e) => {
    console.error(`ledger-round: ${e.shortMessage ?? e.message}`);
    if (e.stack) {
      console.error(e.stack);
    }
    process.exit(1);
  });

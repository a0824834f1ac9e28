#!/usr/bin/env node
// Compiles the benchmark's Solidity contracts with the pinned solc (standard JSON API, optimizer on
// as for a production deployment) and writes <Name>.json = {abi, bytecode} per contract, which the
// load generator deploys on nodes without the native contracts (anvil). Any diagnostic, warnings
// included, fails the build.
//
// Usage: node build-contracts.js <solidity source dir> <output dir>
'use strict';

const fs = require('fs');
const path = require('path');

function fail(message) {
  console.error(`build-contracts: ${message}`);
  process.exit(1);
}

function main() {
  if (process.argv.length !== 4) {
    fail('usage: node build-contracts.js <solidity source dir> <output dir>');
  }
  const [sourceDir, outDir] = process.argv.slice(2);
  const pinned = require('./package.json').devDependencies.solc;
  let solc;
  try {
    solc = require('solc');
  } catch (e) {
    fail(`solc is not installed (${e.message}); run 'npm ci' in the bench folder`);
  }
  if (!solc.version().startsWith(`${pinned}+`)) {
    fail(`solc ${solc.version()} is installed but package.json pins ${pinned}; run 'npm ci' in the bench folder`);
  }
  const files = fs.readdirSync(sourceDir).filter((f) => f.endsWith('.sol')).sort();
  if (files.length === 0) {
    fail(`no .sol files in ${sourceDir}`);
  }
  const sources = {};
  for (const file of files) {
    sources[file] = { content: fs.readFileSync(path.join(sourceDir, file), 'utf8') };
  }
  const input = {
    language: 'Solidity',
    sources,
    settings: {
      optimizer: { enabled: true, runs: 200 },
      evmVersion: 'cancun',
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input)));
  const diagnostics = output.errors || [];
  if (diagnostics.length > 0) {
    for (const d of diagnostics) {
      console.error(d.formattedMessage || d.message);
    }
    fail(`solc reported ${diagnostics.length} diagnostic(s); warnings count as errors here`);
  }
  fs.mkdirSync(outDir, { recursive: true });
  const written = [];
  for (const file of files) {
    for (const [name, contract] of Object.entries(output.contracts[file] || {})) {
      const artifact = { abi: contract.abi, bytecode: `0x${contract.evm.bytecode.object}` };
      fs.writeFileSync(path.join(outDir, `${name}.json`), `${JSON.stringify(artifact, null, 2)}\n`);
      written.push(name);
    }
  }
  console.log(`build-contracts: solc ${solc.version()} wrote ${written.join(', ')}`);
}

main();

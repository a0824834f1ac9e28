#!/usr/bin/env node
// Compiles the native contracts' Solidity interfaces with the pinned solc (standard JSON API) and
// writes one pure ABI array per interface: I<Name>.sol declaring `interface I<Name>` becomes
// <Name>.json, named after the Java contract so bindings and the drift test find it by that name.
//
// The build fails on any compiler diagnostic, warnings included, and on any function or event whose
// NatSpec lacks a @notice, a @dev, or the @param/@return of one of its parameters: the interfaces
// are the documentation clients read, so a gap there is a defect like a type error.
//
// Usage: node build-abi.js <solidity source dir> <abi output dir>
'use strict';

const fs = require('fs');
const path = require('path');

function fail(message) {
  console.error(`build-abi: ${message}`);
  process.exit(1);
}

function loadPinnedSolc() {
  const pinned = require('./package.json').devDependencies.solc;
  let solc;
  try {
    solc = require('solc');
  } catch (e) {
    fail(`solc is not installed (${e.message}); run 'npm ci' in the chaincode folder`);
  }
  const version = solc.version();
  if (!version.startsWith(`${pinned}+`)) {
    fail(`solc ${version} is installed but package.json pins ${pinned}; run 'npm ci' in the chaincode folder`);
  }
  return solc;
}

function compile(solc, sourceDir) {
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
    settings: { outputSelection: { '*': { '*': ['abi', 'userdoc', 'devdoc'] } } },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input)));
  const diagnostics = output.errors || [];
  if (diagnostics.length > 0) {
    for (const d of diagnostics) {
      console.error(d.formattedMessage || d.message);
    }
    fail(`solc reported ${diagnostics.length} diagnostic(s); warnings count as errors here`);
  }
  return { files, contracts: output.contracts || {} };
}

function signature(entry) {
  return `${entry.name}(${entry.inputs.map(canonicalType).join(',')})`;
}

function canonicalType(parameter) {
  if (parameter.type.startsWith('tuple')) {
    return `(${parameter.components.map(canonicalType).join(',')})${parameter.type.slice('tuple'.length)}`;
  }
  return parameter.type;
}

// Returns the NatSpec gaps of one interface, e.g. "transfer(address,uint256): no @param to".
function natspecGaps(contract) {
  const gaps = [];
  for (const entry of contract.abi) {
    if (entry.type !== 'function' && entry.type !== 'event') {
      continue;
    }
    const sig = signature(entry);
    const group = entry.type === 'function' ? 'methods' : 'events';
    const user = (contract.userdoc[group] || {})[sig] || {};
    const dev = (contract.devdoc[group] || {})[sig] || {};
    if (!user.notice) gaps.push(`${sig}: no @notice`);
    if (!dev.details) gaps.push(`${sig}: no @dev (who may call it, when it reverts or is emitted)`);
    const params = dev.params || {};
    entry.inputs.forEach((p, i) => {
      if (!p.name) gaps.push(`${sig}: parameter ${i} has no name`);
      else if (!params[p.name]) gaps.push(`${sig}: no @param ${p.name}`);
    });
    const returns = dev.returns || {};
    (entry.outputs || []).forEach((p, i) => {
      if (!returns[p.name || `_${i}`]) gaps.push(`${sig}: no @return for output ${p.name || i}`);
    });
  }
  return gaps;
}

function main() {
  if (process.argv.length !== 4) {
    fail('usage: node build-abi.js <solidity source dir> <abi output dir>');
  }
  const [sourceDir, outDir] = process.argv.slice(2);
  const solc = loadPinnedSolc();
  const { files, contracts } = compile(solc, sourceDir);

  const problems = [];
  const abis = new Map();
  for (const file of files) {
    const declared = Object.entries(contracts[file] || {});
    const expected = path.basename(file, '.sol');
    if (declared.length !== 1 || declared[0][0] !== expected || !/^I[A-Z]/.test(expected)) {
      problems.push(`${file} must declare exactly one interface named ${expected}, I<ContractName>`);
      continue;
    }
    const contract = declared[0][1];
    problems.push(...natspecGaps(contract).map((gap) => `${expected}.${gap}`));
    abis.set(expected.slice(1), contract.abi);
  }
  if (problems.length > 0) {
    fail(`the Solidity interfaces have ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  }

  // The output folder holds exactly the current interfaces: a deleted interface must not leave a
  // stale ABI behind for the bindings and the drift test to pick up.
  fs.mkdirSync(outDir, { recursive: true });
  for (const stale of fs.readdirSync(outDir).filter((f) => f.endsWith('.json'))) {
    fs.rmSync(path.join(outDir, stale));
  }
  for (const [name, abi] of abis) {
    fs.writeFileSync(path.join(outDir, `${name}.json`), `${JSON.stringify(abi, null, 2)}\n`);
  }
  console.log(`build-abi: solc ${solc.version()} wrote ${abis.size} ABI file(s): ${[...abis.keys()].join(', ')}`);
}

main();

#!/usr/bin/env node
// Bundles the governance and explorer page into the indexer's class path, so its jar serves the
// page with nothing fetched at run time: src/main.js and the CSS it imports become
// assets/main-<hash>.js and assets/main-<hash>.css (content-hashed, so the indexer may let
// browsers keep them for good), index.html names them, and page.json lists every file for the
// indexer to load at start.
//
// The contracts' ABIs are not retyped here: `import governor from 'abi:QuadraticGovernor'` reads
// the ABI JSON the chaincode module compiled from the Solidity interfaces.
//
// Usage: node build.mjs <abi dir> <output dir>
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

function fail(message) {
  console.error(`page build: ${message}`);
  process.exit(1);
}

// Resolves `abi:<Contract>` to <abi dir>/<Contract>.json, failing the build when it is missing.
function abiPlugin(abiDir) {
  return {
    name: 'chaincode-abi',
    setup(b) {
      b.onResolve({ filter: /^abi:/ }, (args) => {
        const file = path.join(abiDir, `${args.path.slice('abi:'.length)}.json`);
        if (!fs.existsSync(file)) {
          return { errors: [{ text: `${file} is missing: build the chaincode module first` }] };
        }
        return { path: file };
      });
    },
  };
}

async function main() {
  if (process.argv.length !== 4) {
    fail('usage: node build.mjs <abi dir> <output dir>');
  }
  const [abiDir, outDir] = process.argv.slice(2).map((p) => path.resolve(p));
  if (!fs.existsSync(abiDir)) {
    fail(`no ABI directory ${abiDir}: build the chaincode module first`);
  }
  // the output holds exactly this build: a stale hashed asset must not linger in the jar
  fs.rmSync(outDir, { recursive: true, force: true });
  const result = await build({
    entryPoints: [path.join(here, 'src', 'main.js')],
    bundle: true,
    format: 'esm',
    target: ['es2022'],
    minify: true,
    sourcemap: false,
    legalComments: 'eof',
    entryNames: '[name]-[hash]',
    outdir: path.join(outDir, 'assets'),
    metafile: true,
    logLevel: 'warning',
    plugins: [abiPlugin(abiDir)],
  });
  const assets = Object.keys(result.metafile.outputs)
    .map((file) => path.relative(outDir, path.resolve(file)).split(path.sep).join('/'))
    .sort();
  const script = assets.find((f) => f.endsWith('.js'));
  const style = assets.find((f) => f.endsWith('.css'));
  if (!script || !style) {
    fail(`expected one script and one style sheet, got ${assets.join(', ')}`);
  }
  const html = fs
    .readFileSync(path.join(here, 'src', 'index.html'), 'utf8')
    .replace('%SCRIPT%', `/${script}`)
    .replace('%STYLE%', `/${style}`);
  fs.writeFileSync(path.join(outDir, 'index.html'), html);
  fs.writeFileSync(
    path.join(outDir, 'page.json'),
    `${JSON.stringify({ index: 'index.html', assets }, null, 2)}\n`,
  );
  const bytes = assets.reduce((sum, f) => sum + fs.statSync(path.join(outDir, f)).size, 0);
  console.log(`page build: ${assets.length} assets, ${Math.round(bytes / 1024)} KiB, in ${outDir}`);
}

main().catch((e) => fail(e.message));

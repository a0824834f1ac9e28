#!/usr/bin/env bash
# The worked example of docs/ledger.md: one federated-learning round on a running devnet.
# Run it from an empty directory while `./ailedger devnet --no-demo` runs. Set AILEDGER to the
# CLI to use (default: the launcher beside this repository) and RPC to the node's URL.
set -euo pipefail
ailedger="${AILEDGER:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/ailedger}"
rpc="${RPC:-http://127.0.0.1:8545}"
cli() { "$ailedger" "$@" --rpc "$rpc"; }

# the files stand in for real datasets, model weights and updates: only their hashes go on chain
printf 'chest x-rays of st-mary hospital\n' > xrays.tar
printf 'thorax scans of northwind lab\n' > scans.tar
printf 'initial weights\n' > base.bin
printf 'update trained at st-mary\n' > update-2.bin
printf 'update trained at northwind\n' > update-3.bin
printf 'update trained at city-clinic\n' > update-4.bin
printf 'federated average of round 1\n' > aggregate.bin

# 1. data providers attest their datasets; city-clinic's is derived from st-mary's
cli dataset attest --key dev:2 --dataset st-mary/xrays-2026 --content-file xrays.tar --license CC-BY-4.0
cli dataset attest --key dev:3 --dataset northwind/scans-2026 --content-file scans.tar --license CC-BY-4.0
cli dataset attest --key dev:4 --dataset city-clinic/curated-2026 --content-file xrays.tar \
    --parent st-mary/xrays-2026 --license research-only
cli dataset endorse --key dev:5 --dataset st-mary/xrays-2026

# 2. the model owner registers the model; its aggregator opens round 1 with a 300 ACT pool
cli model register --key dev:0 --model pneumonia-detector --aggregator dev:1
cli model open-round --key dev:1 --model pneumonia-detector --base-model-file base.bin --reward 300 --open-for 100

# 3. three contributors submit the hashes of their updates
cli model submit --key dev:2 --model pneumonia-detector --update-file update-2.bin --samples 1200 --dataset st-mary/xrays-2026
cli model submit --key dev:3 --model pneumonia-detector --update-file update-3.bin --samples 800 --dataset northwind/scans-2026
cli model submit --key dev:4 --model pneumonia-detector --update-file update-4.bin --samples 500 --dataset city-clinic/curated-2026

# 4. the aggregator accepts two updates, weighted 1200:800, and rejects the third
cli model finalize --key dev:1 --model pneumonia-detector --aggregate-file aggregate.bin \
    --accept dev:2=1200 --accept dev:3=800

# 5. the auditor revokes st-mary's dataset: its descendant and the updates citing either are tainted
cli dataset revoke --key dev:5 --dataset st-mary/xrays-2026 --reason "consent withdrawn"
cli dataset lineage --dataset st-mary/xrays-2026
cli model show --model pneumonia-detector --round 1
cli token balance --account dev:2
cli token balance --account dev:3

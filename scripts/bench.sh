#!/usr/bin/env bash
# The benchmark: builds the release site, generates a synthetic dataset (5,000 sites,
# 10,000 links; never shipped), and prints the gzipped sizes and the map's timings
# (median of several runs in headless Chromium). A benchmark, not a test: it prints
# figures. RUNS=9 bash scripts/bench.sh for more runs. Then Lighthouse 13, mobile and
# desktop presets, on the same build (median of LIGHTHOUSE_RUNS=3 runs).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh

ensure_everything

say "release build (trunk build --release)"
mkdir -p target/bench
release_env trunk build --release >target/bench/trunk.log 2>&1 || die "trunk build failed: see target/bench/trunk.log"
bash scripts/sizes.sh

say "synthetic dataset"
cargo run --quiet --release --bin synthetic -- --sites 5000 --links 10000 >target/bench/synthetic.json
ls -l target/bench/synthetic.json | awk '{print "target/bench/synthetic.json: " $5 " bytes"}'

say "map timings"
(cd tests/e2e && node bench/map-bench.mjs ../../dist ../../target/bench/synthetic.json "${RUNS:-5}")

say "Lighthouse 13 (mobile and desktop presets) against dist/ served with the README's host headers"
if [ ! -d scripts/lighthouse/node_modules/lighthouse ]; then
  (cd scripts/lighthouse && npm ci --no-audit --no-fund --loglevel=error)
fi
node scripts/lighthouse/run.mjs dist "${LIGHTHOUSE_RUNS:-3}"

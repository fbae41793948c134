#!/usr/bin/env bash
# The benchmark: builds the release site, generates a synthetic dataset (5,000 sites,
# 10,000 links; never shipped), and prints the gzipped sizes and the map's timings
# (median of several runs in headless Chromium); the first load on a phone over slow 4G
# against a Leaflet + TimelineJS page with the same data, from a gzip host and a brotli
# host; then Lighthouse 13 on the same build (mobile and desktop presets, both hosts, and
# the peer page), and how much of the first module's code the first screen runs. A
# benchmark, not a test: it prints figures.
#   RUNS=9 bash scripts/bench.sh           more runs of the map's timings
#   LOAD_RUNS=5 bash scripts/bench.sh      more first loads (3 by default)
#   LIGHTHOUSE_RUNS=7 bash scripts/bench.sh  more Lighthouse mobile runs (5 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh

ensure_everything

say "release build (trunk build --release)"
mkdir -p target/bench
release_env trunk build --release >target/bench/trunk.log 2>&1 || die "trunk build failed: see target/bench/trunk.log"
# Sizes are printed here; their budgets are the test command's (a file over budget is said, the
# benchmark goes on).
bash scripts/sizes.sh || say "a file or the first load is over its size budget (scripts/size-budgets.txt)"

say "the first module's code run before the first drawing (V8's lazy compilation, one load)"
command -v python3 >/dev/null || apt_install python3  # scripts/wasm_sizes.py sums the parts
(cd tests/e2e && node bench/first-run.mjs ../../dist)

say "synthetic dataset"
cargo run --quiet --release --bin synthetic -- --sites 5000 --links 10000 >target/bench/synthetic.json
ls -l target/bench/synthetic.json | awk '{print "target/bench/synthetic.json: " $5 " bytes"}'

say "map timings"
(cd tests/e2e && node bench/map-bench.mjs ../../dist ../../target/bench/synthetic.json "${RUNS:-5}")

say "first load on a phone over slow 4G, against Leaflet + TimelineJS (npm leaflet, @knight-lab/timelinejs)"
if [ ! -d scripts/peer/node_modules/leaflet ]; then
  (cd scripts/peer && npm ci --no-audit --no-fund --loglevel=error)
fi
(cd tests/e2e && node bench/first-load.mjs ../../dist ../../scripts/peer/node_modules "${LOAD_RUNS:-3}")

say "Lighthouse 13 against dist/ served with the README's host headers (brotli and gzip hosts), and the peer page"
if [ ! -d scripts/lighthouse/node_modules/lighthouse ]; then
  (cd scripts/lighthouse && npm ci --no-audit --no-fund --loglevel=error)
fi
node scripts/lighthouse/run.mjs dist "${LIGHTHOUSE_RUNS:-5}" target/bench/peer

#!/usr/bin/env bash
# The benchmark: builds the release site, generates a synthetic dataset (5,000 sites,
# 10,000 links; never shipped), and prints the gzipped sizes and the map's timings
# (median of several runs in headless Chromium). A benchmark, not a test: it prints
# figures. RUNS=9 bash scripts/bench.sh for more runs.
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

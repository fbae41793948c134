#!/usr/bin/env bash
# Runs every test of Passerelle, installing what is missing first:
#   0. house rules, before anything is built: `cargo fmt --check`, and `cargo clippy
#      --all-targets -D warnings` natively (with and without the pre-rendering's browser
#      side) and for wasm32 (also as the release build splits it);
#   1. native `cargo test`: the pure core (model, parsing, …) and the shipped dataset;
#   2. wasm-bindgen-test: components, in headless Chromium;
#   3. `trunk build --release` (the wasm split into chunks), then each file's size in dist/
#      against its budget (scripts/size-budgets.txt);
#   4. end-to-end: Playwright drives Debian's Chromium against dist/ served on 127.0.0.1;
#   5. the smoke suite in Firefox ESR and WebKitGTK (and Chromium again, for comparison).
# Ends with one line "tests: N passed, N failed" summing the runners' own counts.
source "$(dirname "$0")/toolchain.sh"
cd "$ROOT"

LOGS="$ROOT/target/test-logs"
mkdir -p "$LOGS"
passed=0 failed=0
started=$SECONDS

# count_cargo LOG : adds up cargo's "test result:" lines.
count_cargo() {
  local p f
  p=$(grep -oE '^test result: [A-Za-z]+\. [0-9]+ passed' "$1" | grep -oE '[0-9]+ passed' | awk '{s+=$1} END {print s+0}')
  f=$(grep -oE '^test result: [A-Za-z]+\. [0-9]+ passed; [0-9]+ failed' "$1" | grep -oE '[0-9]+ failed' | awk '{s+=$1} END {print s+0}')
  passed=$((passed + p)) failed=$((failed + f))
}

finish() {
  local rc=$?
  echo
  say "finished in $((SECONDS - started)) s"
  # The plain closing line CI reads; failures that stopped a runner early count as one.
  if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
  echo "tests: $passed passed, $failed failed"
  exit "$rc"
}
trap finish EXIT

say "0/5 house rules: rustfmt, clippy (native and wasm32)"
ensure_wasm_toolchain
ensure_lint_tools
rc=0
{
  cargo fmt --check &&
    cargo clippy --locked --all-targets -- -D warnings &&
    cargo clippy --locked --all-targets --features prerender -- -D warnings &&
    wasm_env cargo clippy --locked --all-targets --target wasm32-unknown-unknown -- -D warnings &&
    wasm_env cargo clippy --locked --target wasm32-unknown-unknown --features split -- -D warnings
} >"$LOGS/lint.log" 2>&1 || rc=$?
if [ "$rc" -ne 0 ]; then
  tail -n 80 "$LOGS/lint.log"
  die "the house rules failed (cargo fmt fixes the formatting; the whole log is $LOGS/lint.log)"
fi
say "house rules: formatted, no clippy warning"

ensure_everything

# run_logged NAME CMD… : runs CMD, showing and keeping its output; returns its status.
run_logged() {
  local log="$LOGS/$1.log"
  shift
  local rc=0
  "$@" 2>&1 | tee "$log" || rc=$?
  return "$rc"
}

say "1/5 native tests (cargo test)"
# The pure core, then the pre-rendering's own module with the browser side it renders.
native_tests() {
  cargo test --locked && cargo test --locked --features prerender --lib poster::
}
rc=0; run_logged native native_tests || rc=$?
count_cargo "$LOGS/native.log"
[ "$rc" -eq 0 ] || exit "$rc"

say "2/5 component tests in headless Chromium (wasm-bindgen-test)"
rc=0
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  run_logged web wasm_env cargo test --locked --target wasm32-unknown-unknown --test web || rc=$?
count_cargo "$LOGS/web.log"
[ "$rc" -eq 0 ] || exit "$rc"

say "3/5 release build (trunk build --release)"
rm -rf dist
if ! release_env trunk build --release >"$LOGS/trunk.log" 2>&1; then
  tail -n 60 "$LOGS/trunk.log"
  die "trunk build failed: the whole log is $LOGS/trunk.log"
fi
grep -vE '^\s*(Compiling|Downloaded|Downloading|Fresh)' "$LOGS/trunk.log" | tail -n 15
[ -f dist/index.html ] || die "trunk build produced no dist/index.html: see $LOGS/trunk.log"
# The size budgets (scripts/size-budgets.txt): sizes are deterministic, so they are a test.
if bash scripts/sizes.sh dist >"$LOGS/sizes.txt" 2>&1; then
  cat "$LOGS/sizes.txt"
  passed=$((passed + 1))
else
  cat "$LOGS/sizes.txt"
  failed=$((failed + 1))
  die "a file or the first load is over its size budget (scripts/size-budgets.txt)"
fi

say "4/5 end-to-end tests (Playwright, headless Chromium, dist/ on 127.0.0.1)"
rm -f tests/e2e/report.json
e2e_rc=0
(cd tests/e2e && run_logged e2e npx playwright test) || e2e_rc=$?
if [ -f tests/e2e/report.json ]; then
  read -r p f < <(node -e 'const s=require("./tests/e2e/report.json").stats; console.log(s.expected + s.flaky, s.unexpected)')
  passed=$((passed + p)) failed=$((failed + f))
fi
say "screenshots: tests/e2e/screenshots/"
[ "$e2e_rc" -eq 0 ] || exit "$e2e_rc"

say "5/5 smoke suite in Firefox ESR, WebKitGTK and Chromium (dist/ under the same CSP)"
rm -f tests/e2e/engines-report.json
engines_rc=0
(cd tests/e2e && run_logged engines node engines/run.mjs) || engines_rc=$?
if [ -f tests/e2e/engines-report.json ]; then
  read -r p f < <(node -e 'const r=require("./tests/e2e/engines-report.json"); console.log(r.passed, r.failed)')
  passed=$((passed + p)) failed=$((failed + f))
fi
say "screenshots: tests/e2e/screenshots/engines/"
[ "$engines_rc" -eq 0 ] || exit "$engines_rc"

#!/usr/bin/env bash
# Serves Passerelle on http://127.0.0.1:8080/ (PORT=… to change), rebuilding on change.
# Installs what it needs first. Pass --release for an optimised build.
source "$(dirname "$0")/toolchain.sh"
cd "$ROOT"

ensure_wasm_toolchain
ensure_trunk
ensure_wasm_bindgen
ensure_wasm_split
ensure_zopfli
# Node runs trunk's post-build hook; release builds also use its wasm-opt and terser.
ensure_node_packages

PORT="${PORT:-8080}"
say "building, then serving Passerelle at http://127.0.0.1:$PORT/ (Ctrl-C stops)"
if [[ " $* " == *" --release "* ]]; then
  release_env trunk serve --address 127.0.0.1 --port "$PORT" "$@"
else
  wasm_env trunk serve --address 127.0.0.1 --port "$PORT" "$@"
fi

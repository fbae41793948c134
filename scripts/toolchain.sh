# shellcheck shell=bash
# Set-up shared by scripts/serve.sh and scripts/test.sh: installs what is missing, skips
# what is already there at the right version, and says what it is doing.
#
# Two routes to a wasm32 toolchain:
#  - the ordinary one: rustup's wasm32-unknown-unknown target (`rustup target add`);
#  - where rustup cannot download it, Debian's Rust (rustc-web, 1.96) with its
#    standard-library source, the std built for wasm32 by cargo (-Zbuild-std), and
#    LLVM's wasm-ld. See docs/TOOLCHAIN.md.
# Only wasm commands get the -Zbuild-std environment (run them through `wasm_env`): it
# must never reach the native `cargo test`.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
BINARYEN_BIN="$ROOT/tests/e2e/node_modules/.bin"
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

_apt_updated=0
# apt_install PKG… : installs Debian packages that are not installed yet.
apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "missing ${missing[*]}: install them with your system's package manager"
  if [ "$_apt_updated" -eq 0 ]; then
    say "apt-get update"
    $SUDO apt-get update -qq
    _apt_updated=1
  fi
  say "apt-get install ${missing[*]}"
  # APT_LEAN=1: without the recommended packages (LibreOffice's would be hundreds of MB).
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq ${APT_LEAN:+--no-install-recommends} "${missing[@]}" >/dev/null
}

# The route in use: "rustup" or "debian". Decided once per run by ensure_wasm_toolchain.
WASM_ROUTE=""

# PASSERELLE_WASM_ROUTE=rustup|debian forces a route (to test the other one on a machine
# where both work); unset, the ordinary route is preferred.
ensure_wasm_toolchain() {
  [ -z "$WASM_ROUTE" ] || return 0
  local forced="${PASSERELLE_WASM_ROUTE:-}"
  case "$forced" in "" | rustup | debian) ;; *) die "PASSERELLE_WASM_ROUTE must be rustup or debian" ;; esac
  if [ "$forced" != debian ] && command -v rustup >/dev/null \
    && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    WASM_ROUTE="rustup"
  elif [ "$forced" != debian ] && command -v rustup >/dev/null \
    && say "trying: rustup target add wasm32-unknown-unknown (20 s limit)" \
    && timeout 20 rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
    WASM_ROUTE="rustup"
  elif [ "$forced" = rustup ]; then
    die "PASSERELLE_WASM_ROUTE=rustup, but rustup could not add the wasm32-unknown-unknown target"
  else
    say "rustup's wasm32 target is not available here: using Debian's Rust with -Zbuild-std"
    apt_install rustc-web cargo-web rust-web-src lld-22
    [ -d /usr/lib/rustlib/src/rust/library ] || die "rust-web-src did not install the standard library source"
    WASM_ROUTE="debian"
    # Debian's cargo and rustc (1.96) first, for every build in this run.
    export PATH="/usr/bin:$PATH"
  fi
  say "wasm32 toolchain: $WASM_ROUTE route ($(cargo --version))"
}

# wasm_env CMD… : runs CMD with the environment a wasm build needs on this route.
wasm_env() {
  if [ "$WASM_ROUTE" = "debian" ]; then
    RUSTC_BOOTSTRAP=1 \
      CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=/usr/lib/llvm-22/bin/wasm-ld \
      "$@"
  else
    "$@"
  fi
}

# Whether release builds may rebuild std for size (see release_env); decided once.
RELEASE_STD=""

# release_env CMD… : runs a release build (trunk build --release) with the size settings
# that need the standard library rebuilt: std optimised for size, panics that abort at
# once (no message formatting is shipped; the page still reports a failure, see
# src/fatal.rs) and no source locations. Dev builds keep full panic messages. On the
# rustup route this needs the rust-src component and RUSTC_BOOTSTRAP=1 (stable rustc,
# nightly flags); without rust-src it falls back to an ordinary release build. Cargo
# appends these rustflags to the ones in .cargo/config.toml (arrays merge).
release_env() {
  if [ -z "$RELEASE_STD" ]; then
    if [ "$WASM_ROUTE" = "debian" ]; then
      RELEASE_STD=yes
    elif [ -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library/std" ] \
      || { say "rustup component add rust-src (for the size-optimised release std)"; \
           timeout 60 rustup component add rust-src >/dev/null 2>&1; }; then
      RELEASE_STD=yes
    else
      RELEASE_STD=no
      say "rust-src unavailable: ordinary release build (the wasm is about 10% larger)"
    fi
  fi
  if [ "$RELEASE_STD" = yes ]; then
    RUSTC_BOOTSTRAP=1 \
      CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
      CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none" \
      wasm_env "$@"
  else
    wasm_env "$@"
  fi
}

# The wasm-bindgen version Cargo.lock pins; the CLI must match it exactly.
lock_version() {
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ]; then
    say "trunk $TRUNK_VERSION: present"
  else
    say "installing trunk $TRUNK_VERSION from crates.io (about 17 minutes on 2 cores)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
}

ensure_wasm_bindgen() {
  local want
  want="$(lock_version wasm-bindgen)"
  [ -n "$want" ] || die "Cargo.lock names no wasm-bindgen version"
  if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $want" ] \
    && [ "$(wasm-bindgen-test-runner --version 2>/dev/null)" = "wasm-bindgen-test-runner $want" ]; then
    say "wasm-bindgen-cli $want: present"
  else
    say "installing wasm-bindgen-cli $want from crates.io (about 6 minutes on 2 cores)"
    # No --locked: 0.2.130's lock names a webpki-roots version the registry no longer serves.
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

# wasm-split-cli, which cuts the release wasm into the chunks fetched on demand
# (scripts/build/wasm.mjs); the version of the wasm_split crates Leptos brings.
WASM_SPLIT_VERSION="0.2.4"
ensure_wasm_split() {
  if wasm-split-cli --help >/dev/null 2>&1 \
    && [ -f "$HOME/.cargo/.crates2.json" ] && grep -q "\"wasm_split_cli_support $WASM_SPLIT_VERSION" "$HOME/.cargo/.crates2.json"; then
    say "wasm-split-cli $WASM_SPLIT_VERSION: present"
  else
    say "installing wasm-split-cli $WASM_SPLIT_VERSION from crates.io (about 3 minutes on 2 cores)"
    cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
  fi
}

# Node packages of the end-to-end tests and wasm-opt (npm's binaryen), from the lock file.
ensure_node_packages() {
  command -v npm >/dev/null || apt_install nodejs npm
  local dir="$ROOT/tests/e2e" stamp="$ROOT/tests/e2e/node_modules/.lock-hash" hash
  hash="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ]; then
    say "npm packages: present"
  else
    say "npm ci (tests/e2e: Playwright, binaryen's wasm-opt)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$hash" >"$stamp"
  fi
  export PATH="$BINARYEN_BIN:$PATH"
}

# Debian's Chromium and ChromeDriver (test tools cannot download browsers here), and CJK
# fonts so that screenshots show Chinese text. Elsewhere, point PASSERELLE_CHROMIUM and
# CHROMEDRIVER at your own.
ensure_browser() {
  if [ -x "${PASSERELLE_CHROMIUM:-}" ] && [ -x "${CHROMEDRIVER:-}" ]; then
    say "browser: $PASSERELLE_CHROMIUM"
  else
    apt_install chromium chromium-driver fonts-noto-cjk
    export PASSERELLE_CHROMIUM=/usr/bin/chromium CHROMEDRIVER=/usr/bin/chromedriver
    say "browser: $("$PASSERELLE_CHROMIUM" --version 2>/dev/null)"
  fi
}

# zopfli writes a release build's .gz copies (scripts/post_build.mjs): gzip's format, 4-8%
# smaller than gzip 9; the size budgets count on it.
ensure_zopfli() {
  command -v zopfli >/dev/null || apt_install zopfli
}

# The programs a reader opens the app's files with, for the print and export tests:
# poppler's pdftotext and pdftoppm (the PDFs read and pictured), librsvg's rsvg-convert
# (the exported SVG drawn as GNOME and many converters draw it).
ensure_file_tools() {
  command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null || apt_install poppler-utils
  command -v rsvg-convert >/dev/null || apt_install librsvg2-bin
  # LibreOffice opens the workbook the converter writes and saves it again (tests/workbook_libreoffice.rs).
  command -v soffice >/dev/null || APT_LEAN=1 apt_install libreoffice-calc-nogui
}

# The other two engines of the smoke layer: Firefox ESR (driven by puppeteer-core over
# WebDriver BiDi) and WebKitGTK's WebKitWebDriver with its MiniBrowser, which needs an X
# display, hence xvfb.
ensure_engines() {
  command -v firefox-esr >/dev/null && command -v WebKitWebDriver >/dev/null \
    && command -v xvfb-run >/dev/null || apt_install firefox-esr webkit2gtk-driver xvfb xauth
}

# rustfmt and clippy, for the house rules that the test command checks first.
ensure_lint_tools() {
  if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
    command -v rustup >/dev/null || die "cargo fmt and cargo clippy are missing: install rustfmt and clippy"
    say "rustup component add rustfmt clippy"
    rustup component add rustfmt clippy >/dev/null
  fi
}

# Everything a build and a browser run need, each skipped when already present.
ensure_everything() {
  say "set-up"
  ensure_wasm_toolchain
  ensure_trunk
  ensure_wasm_bindgen
  ensure_wasm_split
  ensure_zopfli
  ensure_node_packages
  ensure_browser
  ensure_file_tools
  ensure_engines
}

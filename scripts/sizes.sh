#!/usr/bin/env bash
# Prints the size of each file in dist/ raw, gzipped and brotli-compressed (the .gz/.br the
# release build wrote beside it, as a host sends it; gzip -9 where there is none) and the
# totals, then checks them against scripts/size-budgets.txt: each file against its line's
# budget, the first load (the "first" files, and the largest of the "one" files, of which a
# reader fetches one, and of the "edition" files, the dataset's editions, of which a reader
# reads one first and the service worker keeps all) and the whole site against the totals. Fails,
# naming the file, its size and its budget, when one is over or a file has no budget, or
# when a .gz or .br copy does not unpack to the file it sits beside.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dist="${1:-$here/../dist}"
budgets="${SIZE_BUDGETS:-$here/size-budgets.txt}"
[ -d "$dist" ] || { echo "no $dist: build first (trunk build --release)" >&2; exit 1; }

# kB (1000 bytes, decimals allowed) to bytes.
bytes() { awk -v k="$1" 'BEGIN { printf "%d", k * 1000 }'; }

patterns=() limits=() loads=()
declare -A totals=()
while read -r pattern kb rest; do
  case "$pattern" in '' | '#'*) continue ;; esac
  if [[ "$pattern" == @* ]]; then
    totals[${pattern#@}]=$(bytes "$kb")
  else
    patterns+=("$pattern") limits+=("$(bytes "$kb")") loads+=("${rest%% *}")
  fi
done <"$budgets"

# The .br copies that do not unpack to the file beside them, by file, found by one Node
# process for them all (one per file took about 3 s).
declare -A bad_br=()
while IFS= read -r f; do
  [ -n "$f" ] && bad_br[$f]=1
done < <(find "$dist" -type f -name '*.br' -print0 | node -e '
  const fs = require("fs"), zlib = require("zlib");
  const names = fs.readFileSync(0, "utf8").split("\0").filter(Boolean);
  for (const br of names) {
    const file = br.slice(0, -3);
    let same = false;
    try { same = fs.existsSync(file) && zlib.brotliDecompressSync(fs.readFileSync(br)).equals(fs.readFileSync(file)); } catch {}
    if (!same) console.log(file);
  }')

over=()
first_gz=0 first_br=0 site_gz=0 editor_gz=0 all_gz=0 total_raw=0 total_br=0 one_gz=0 one_br=0 edition_gz=0 edition_br=0
printf '%-46s %9s %9s %9s %9s  %s\n' "file" "raw B" "gzip B" "brotli B" "budget B" "load"
while IFS= read -r f; do
  name="${f#"$dist"/}"
  raw=$(stat -c %s "$f")
  if [ -f "$f.gz" ]; then gz=$(stat -c %s "$f.gz"); else gz=$(gzip -9 -c "$f" | wc -c); fi
  if [ -f "$f.br" ]; then br=$(stat -c %s "$f.br"); else br=$gz; fi
  limit="" load=""
  for i in "${!patterns[@]}"; do
    # shellcheck disable=SC2053 # the budget's pattern is a glob
    if [[ "$name" == ${patterns[$i]} ]]; then limit=${limits[$i]} load=${loads[$i]}; break; fi
  done
  # A size counts only for a copy a browser can read: each unpacks to the file beside it
  # (gzip's own program for the .gz, zopfli's since 1 December 2026; Node's brotli for the .br).
  if [ -f "$f.gz" ] && ! gzip -dc "$f.gz" | cmp -s - "$f"; then over+=("$name.gz: does not unpack to $name"); fi
  if [ -f "$f.br" ] && [ -n "${bad_br[$f]:-}" ]; then over+=("$name.br: does not unpack to $name"); fi
  if [ -z "$limit" ]; then
    over+=("$name: no budget in $(basename "$budgets") ($gz B gzip)")
  elif [ "$gz" -gt "$limit" ]; then
    over+=("$name: $gz B gzip, over its budget of $limit B")
  fi
  [ "$load" = first ] && first_gz=$((first_gz + gz)) first_br=$((first_br + br))
  # One of them is fetched before the first drawing (the reader's pre-rendered page): the
  # totals count the largest.
  if [ "$load" = one ]; then
    [ "$gz" -gt "$one_gz" ] && one_gz=$gz
    [ "$br" -gt "$one_br" ] && one_br=$br
  elif [ "$load" = editor ]; then editor_gz=$((editor_gz + gz)); else site_gz=$((site_gz + gz)); fi
  # The dataset's editions: the reader's one before the first drawing (the largest counts),
  # each of them in what a visitor may fetch (a switch of language, the service worker).
  if [ "$load" = edition ]; then
    [ "$gz" -gt "$edition_gz" ] && edition_gz=$gz
    [ "$br" -gt "$edition_br" ] && edition_br=$br
  fi
  all_gz=$((all_gz + gz)) total_raw=$((total_raw + raw)) total_br=$((total_br + br))
  printf '%-46s %9d %9d %9d %9s  %s\n' "$name" "$raw" "$gz" "$br" "${limit:--}" "${load:--}"
done < <(find "$dist" -type f ! -name '*.gz' ! -name '*.br' | sort)
first_gz=$((first_gz + one_gz + edition_gz)) first_br=$((first_br + one_br + edition_br)) site_gz=$((site_gz + one_gz))
printf '%-46s %9d %9d %9d\n' "TOTAL" "$total_raw" "$all_gz" "$total_br"
printf '%-46s %9s %9d %9d\n' "first load (before the app's first drawing)" "" "$first_gz" "$first_br"
printf '%-46s %9s %9d\n' "what a visitor may fetch (first and later)" "" "$site_gz"
printf '%-46s %9s %9d\n' "what only an editor fetches" "" "$editor_gz"

check_total() { # NAME SIZE WHAT
  local limit="${totals[$1]:-}"
  if [ -z "$limit" ]; then over+=("@$1: no budget in $(basename "$budgets")")
  elif [ "$2" -gt "$limit" ]; then over+=("$3: $2 B, over its budget of $limit B (@$1)"); fi
}
check_total first-load-gzip "$first_gz" "the first load, gzip"
check_total first-load-brotli "$first_br" "the first load, brotli"
check_total site-gzip "$site_gz" "what a visitor may fetch, gzip"
check_total editor-gzip "$editor_gz" "what only an editor fetches, gzip"

if [ "${#over[@]}" -gt 0 ]; then
  echo "size budgets ($budgets):" >&2
  printf '  over: %s\n' "${over[@]}" >&2
  exit 1
fi
echo "size budgets: every file and total within $(basename "$budgets")"

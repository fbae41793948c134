#!/usr/bin/env bash
# Prints the size of each file in dist/ raw, gzipped (gzip -9) and, where the release build
# wrote a precompressed copy, brotli-compressed (the .br beside it); and the totals.
set -euo pipefail
dist="${1:-$(cd "$(dirname "$0")/.." && pwd)/dist}"
[ -d "$dist" ] || { echo "no $dist: build first (trunk build --release)" >&2; exit 1; }
total_raw=0 total_gz=0 total_br=0
printf '%-58s %10s %10s %10s\n' "file" "raw B" "gzip B" "brotli B"
while IFS= read -r f; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  if [ -f "$f.br" ]; then br=$(stat -c %s "$f.br"); else br=$gz; fi
  total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz)) total_br=$((total_br + br))
  printf '%-58s %10d %10d %10d\n' "${f#"$dist"/}" "$raw" "$gz" "$br"
done < <(find "$dist" -type f ! -name '*.gz' ! -name '*.br' | sort)
printf '%-58s %10d %10d %10d\n' "TOTAL" "$total_raw" "$total_gz" "$total_br"

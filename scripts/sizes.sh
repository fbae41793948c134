#!/usr/bin/env bash
# Prints the gzipped size (gzip -9) of each file in dist/ and the total.
set -euo pipefail
dist="${1:-$(cd "$(dirname "$0")/.." && pwd)/dist}"
[ -d "$dist" ] || { echo "no $dist: build first (trunk build --release)" >&2; exit 1; }
total_raw=0 total_gz=0
printf '%-58s %10s %10s\n' "file" "raw B" "gzip B"
while IFS= read -r f; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz))
  printf '%-58s %10d %10d\n' "${f#"$dist"/}" "$raw" "$gz"
done < <(find "$dist" -type f | sort)
printf '%-58s %10d %10d\n' "TOTAL" "$total_raw" "$total_gz"

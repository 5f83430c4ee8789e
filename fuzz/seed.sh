#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with the repository's SOP files as seeds.
set -euo pipefail
cd "$(dirname "$0")"
for target in $(ls fuzz_targets | sed 's/\.rs$//'); do
  mkdir -p "corpus/$target"
  find ../sops ../examples ../tests/corpus -name '*.y*ml' 2>/dev/null | sort | while read -r f; do
    cp "$f" "corpus/$target/$(echo "$f" | sed 's#^\.\./##; s#/#_#g')"
  done || true
done

#!/usr/bin/env bash
# Measures `sopmap import` on a folder of published SOP AP PDFs and prints
# a Markdown summary: how many PDFs import, why the others do not, how
# many drafts parse, how many lint clean, the findings per rule that
# `sopmap check` reports on the drafts (what the documents themselves get
# wrong, plus what the import could not read), the `# sopmap import:`
# remarks left in the drafts, and the wall time of the import.
#
#   scripts/import-measure.sh FOLDER [OUT]
#
# FOLDER is searched recursively for *.pdf. Drafts go to OUT/drafts/<sub
# folder>/ (default: a temporary folder, kept and named at the end). Uses
# target/release/sopmap (built when missing; SOPMAP=path overrides), jq,
# and poppler-utils.
set -euo pipefail

folder=${1:?usage: scripts/import-measure.sh FOLDER [OUT]}
out=${2:-$(mktemp -d)}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${SOPMAP:-$root/target/release/sopmap}
if [[ ! -x $bin ]]; then
  (cd "$root" && cargo build --release --quiet)
fi
mkdir -p "$out/drafts"
: >"$out/import.log"

mapfile -d '' pdfs < <(find "$folder" -type f -iname '*.pdf' -print0 | sort -z)
ok=0
failed=0
start=$(date +%s.%N)
for f in "${pdfs[@]}"; do
  rel=${f#"$folder"/}
  sub=$(dirname "$rel")
  mkdir -p "$out/drafts/$sub"
  if "$bin" import "$f" -o "$out/drafts/$sub/" 2>>"$out/import.log"; then
    ok=$((ok + 1))
  else
    failed=$((failed + 1))
  fi
done
end=$(date +%s.%N)

drafts=$(find "$out/drafts" -name '*.yaml' | wc -l)
"$bin" check --format json "$out/drafts" >"$out/findings.json" 2>/dev/null || true
parse_fail=$(jq '[.[] | select(.code == "SOP001") | .path] | unique | length' "$out/findings.json")
with_findings=$(jq '[.[] | .path] | unique | length' "$out/findings.json")
with_errors=$(jq '[.[] | select(.severity == "error") | .path] | unique | length' "$out/findings.json")
remarks=$(cat "$out"/drafts/*/*.yaml "$out"/drafts/*.yaml 2>/dev/null | grep -c '^ *# sopmap import:' || true)

echo "| measure | value |"
echo "|---|---|"
echo "| PDFs | ${#pdfs[@]} |"
echo "| imported (exit 0) | $ok |"
echo "| refused: no text layer | $(grep -c 'lapisan teks' "$out/import.log" || true) |"
echo "| refused: flowchart table pasted as a picture | $(grep -c 'ditempel sebagai gambar' "$out/import.log" || true) |"
echo "| refused: not an SOP AP table | $(grep -c 'bukan dokumen SOP AP' "$out/import.log" || true) |"
echo "| refused: other | $((failed - $(grep -c 'lapisan teks\|bukan dokumen SOP AP\|ditempel sebagai gambar' "$out/import.log" || true))) |"
echo "| drafts written | $drafts |"
echo "| drafts that parse (no SOP001) | $((drafts - parse_fail)) |"
echo "| drafts that lint clean (no finding) | $((drafts - with_findings)) |"
echo "| drafts without errors (warnings at most) | $((drafts - with_errors)) |"
echo "| \`# sopmap import:\` remarks (incl. the count line) | $remarks |"
awk -v s="$start" -v e="$end" 'BEGIN { printf "| import wall time, whole folder | %.1f s |\n", e - s }'
echo
echo "Findings per rule (\`sopmap check\` on the drafts):"
echo
echo "| rule | findings | drafts |"
echo "|---|---|---|"
jq -r 'group_by(.code) | map({code: .[0].code, name: .[0].name, n: length, files: ([.[].path] | unique | length)})
  | sort_by(-.n) | .[] | "| \(.code) \(.name) | \(.n) | \(.files) |"' "$out/findings.json"
echo
echo "Drafts and findings kept in $out"

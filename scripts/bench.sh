#!/usr/bin/env bash
# Benchmarks `sopmap check` at agency scale and prints a Markdown table.
#
#   scripts/bench.sh            # JOBS=2 RUNS=5 by default
#   JOBS=4 RUNS=10 scripts/bench.sh
#
# Builds the release binary and the corpus generator, generates in a temp
# folder a 750-SOP and a 7,500-SOP corpus (examples/gen_corpus.rs, seed 1),
# one SOP with 50,000 steps, and the same SOP with every `next` misspelt
# (50,000 broken references: the did-you-mean worst case). For each it
# measures the median wall time of `sopmap check` and of the parse-only
# baseline (`check --parse-only`: read + YAML parse with the same parser on
# the same number of threads, nothing else), and the peak memory (maximum
# resident set size, from GNU time). Then, on one thread, it compares
# `check --jobs 1` on the 750-SOP corpus with a bare serde-saphyr parse of
# the same files into a generic spanned tree (examples/bare_parse.rs): the
# cost of everything sopmap does beyond reading YAML. With valgrind
# installed it also counts instructions (callgrind), which stay put while
# the machine is busy; wall times do not. Uses hyperfine when installed, else
# repeated runs and their median. Not part of `cargo test`: timings on a
# shared machine are noisy, so read them side by side, not as pass/fail.
set -euo pipefail
cd "$(dirname "$0")/.."

JOBS=${JOBS:-2}
RUNS=${RUNS:-5}

cargo build --release --quiet --bin sopmap --example gen_corpus --example bare_parse
BIN=$PWD/target/release/sopmap
GEN=$PWD/target/release/examples/gen_corpus
BARE=$PWD/target/release/examples/bare_parse

WORK=$(mktemp -d "${TMPDIR:-/tmp}/sopmap-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

"$GEN" 750 "$WORK/c750"
"$GEN" 7500 "$WORK/c7500"
"$GEN" 1 "$WORK/huge" --steps 50000
mkdir -p "$WORK/badrefs"
sed 's/^\(\s*next: .*\)$/\1x/' "$WORK"/huge/*.yaml >"$WORK/badrefs/badrefs.yaml"

if [[ ! -x /usr/bin/time ]]; then
  echo "GNU time (/usr/bin/time) is needed for peak memory: apt-get install time" >&2
  exit 2
fi

# Median wall time in seconds of a command (given as one string).
median() {
  local cmd=$1
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --style none --warmup 1 --runs "$RUNS" --ignore-failure \
      --export-json "$WORK/h.json" "$cmd" >/dev/null 2>&1
    grep -o '"median": *[0-9.e-]*' "$WORK/h.json" | head -1 | sed 's/.*: *//'
  else
    local times=()
    bash -c "$cmd" >/dev/null 2>&1 || true
    for _ in $(seq "$RUNS"); do
      local s e
      s=$(date +%s.%N)
      bash -c "$cmd" >/dev/null 2>&1 || true
      e=$(date +%s.%N)
      times+=("$(echo "$e - $s" | bc -l)")
    done
    printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'
  fi
}

# Peak resident memory in MB of one run.
peak_mb() {
  /usr/bin/time -f '%M' -o "$WORK/mem" bash -c "$1" >/dev/null 2>&1 || true
  tail -1 "$WORK/mem" | awk '{printf "%.1f", $1/1024}'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }
fmt() { awk -v a="$1" 'BEGIN {printf "%.3f", a}'; }

CPU=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
echo "machine: $(nproc) CPUs ($CPU), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "sopmap $("$BIN" --version | cut -d' ' -f2), --jobs $JOBS, median of $RUNS runs$(command -v hyperfine >/dev/null && echo ' (hyperfine)')"
echo

declare -A CHECK PARSE
echo "| workload | size | parse-only | check | check / parse | peak memory (check) |"
echo "|---|---|---|---|---|---|"
for c in c750 c7500 huge badrefs; do
  dir="$WORK/$c"
  size=$(du -sh "$dir" | cut -f1)
  n=$(find "$dir" -name '*.yaml' | wc -l)
  PARSE[$c]=$(median "$BIN check --quiet --jobs $JOBS --parse-only $dir")
  CHECK[$c]=$(median "$BIN check --quiet --jobs $JOBS --format concise $dir")
  mem=$(peak_mb "$BIN check --quiet --jobs $JOBS --format concise $dir")
  case $c in
    c750 | c7500) what="$n SOPs" ;;
    huge) what="1 SOP, 50,000 steps" ;;
    badrefs) what="1 SOP, 50,000 steps, every \`next\` misspelt" ;;
  esac
  echo "| $what | $size | $(fmt "${PARSE[$c]}") s | $(fmt "${CHECK[$c]}") s | $(ratio "${CHECK[$c]}" "${PARSE[$c]}")x | $mem MB |"
done
echo
echo "scaling: 7,500 SOPs take $(ratio "${CHECK[c7500]}" "${CHECK[c750]}")x the time of 750 (check), $(ratio "${PARSE[c7500]}" "${PARSE[c750]}")x (parse-only)"

echo
echo "one thread, 750 SOPs: check --jobs 1 against a bare serde-saphyr parse (examples/bare_parse.rs)"
BARE_T=$(median "$BARE $WORK/c750")
CHECK1_T=$(median "$BIN check --quiet --jobs 1 --format concise $WORK/c750")
echo "- wall time (median of $RUNS): bare parse $(fmt "$BARE_T") s, check $(fmt "$CHECK1_T") s: $(ratio "$CHECK1_T" "$BARE_T")x"
if command -v valgrind >/dev/null 2>&1; then
  instructions() {
    valgrind --tool=callgrind --callgrind-out-file="$WORK/cg.out" "$@" >/dev/null 2>"$WORK/cg.log" || true
    grep -o 'Collected : [0-9]*' "$WORK/cg.log" | grep -o '[0-9]*$'
  }
  BARE_I=$(instructions "$BARE" "$WORK/c750")
  CHECK1_I=$(instructions "$BIN" check --quiet --jobs 1 --format concise "$WORK/c750")
  echo "- instructions (callgrind): bare parse $BARE_I, check $CHECK1_I: $(ratio "$CHECK1_I" "$BARE_I")x"
fi

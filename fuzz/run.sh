#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer's coverage instrumentation (the
# flags cargo-fuzz passes with `-s none`, so cargo-fuzz itself is not
# needed) and runs one target for a while.
#
#   fuzz/run.sh build                    # build every target (release + debug assertions)
#   fuzz/run.sh <target> [seconds] [libFuzzer flags...]
#
# Seeds come from fuzz/seed.sh; new inputs go to fuzz/corpus/<target>/,
# crashes to fuzz/artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")"
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
# libfuzzer-sys builds on stable; RUSTC_BOOTSTRAP covers toolchains that
# insist on nightly for the sanitizer passes.
export RUSTC_BOOTSTRAP=1
bin=target/x86_64-unknown-linux-gnu/release
if [ "${1:-}" = build ]; then
  exec cargo build --release --target x86_64-unknown-linux-gnu --bins
fi
target=${1:?target name (see fuzz_targets/)}
seconds=${2:-600}
shift 2 || shift $#
mkdir -p "corpus/$target" "artifacts/$target"
exec "$bin/$target" "corpus/$target" -artifact_prefix="artifacts/$target/" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "$@"

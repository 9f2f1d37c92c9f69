#!/usr/bin/env bash
# The gateway overhead benchmark (issue 6): the Bedrock simulator straight, behind nginx, and behind AuditGate with
# its full pipeline (API key, PII masking of a ~1 KB prompt, durable journal shipped to S3Mock, signed digests).
# Everything runs on 127.0.0.1; every process it starts is stopped when it ends. Results: target/bench/results.md,
# raw per-run lines in target/bench/runs.jsonl. Method and latest numbers: docs/performance.md.
#
# Usage (from anywhere): bench/gateway.sh [--smoke | --soak]
#   (default)  full run: 30 s warm-up per configuration, 3 repetitions per cell, unpinned and pinned, extra cases
#   --smoke    seconds per cell, one repetition, unpinned, few cells (< 2 minutes); for CI, not for numbers
#   --soak     5 minutes at concurrency 64 through AuditGate, then its RSS
# Needs JDK 17, Maven, nginx (Debian nginx-light) and wrk on PATH; builds target/*.jar when missing or stale.
# Overrides: BENCH_DURATION, BENCH_WARMUP (s), BENCH_REPS, BENCH_RATE (req/s), BENCH_PINNING ("unpinned pinned"),
#   BENCH_EXTRAS (1/0), BENCH_ROWS ("direct nginx gateway"), BENCH_COLUMNS ("c1 c16 c64 rate"),
#   GATEWAY_JAVA_OPTS (JVM options of the gateway), BENCH_JFR (a .jfr path: record the gateway with JFR).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

mode=full
case "${1:-}" in
  "") ;;
  --smoke) mode=smoke ;;
  --soak) mode=soak ;;
  *) echo "usage: bench/gateway.sh [--smoke | --soak]" >&2; exit 2 ;;
esac
if [ "$mode" = smoke ]; then
  duration=${BENCH_DURATION:-3} warmup=${BENCH_WARMUP:-5} reps=${BENCH_REPS:-1} rate=${BENCH_RATE:-200}
  pinnings=${BENCH_PINNING:-unpinned} extras=${BENCH_EXTRAS:-0} columns=${BENCH_COLUMNS:-c1 c64 rate}
else
  duration=${BENCH_DURATION:-15} warmup=${BENCH_WARMUP:-30} reps=${BENCH_REPS:-3} rate=${BENCH_RATE:-1000}
  pinnings=${BENCH_PINNING:-unpinned pinned} extras=${BENCH_EXTRAS:-1} columns=${BENCH_COLUMNS:-c1 c16 c64 rate}
fi

require_tools
build_if_stale
prepare_run_dir
start_all 0
check_pipeline

if [ "$mode" = soak ]; then
  soak_seconds=${BENCH_SOAK_SECONDS:-300}
  measure_cell soak unpinned gateway c64 1 "$soak_seconds" "$BODY_INVOKE_1K"
  echo "gateway RSS after ${soak_seconds} s at concurrency 64: $(rss_mb "$GATEWAY_PID") MB"
  finish_and_check
  exit "$failed"
fi

for pinning in $pinnings; do
  pin "$pinning"
  for row in ${BENCH_ROWS:-direct nginx gateway}; do
    warm_up "$row" "$(body_of "$row" 1k)" "$warmup"
    for rep in $(seq 1 "$reps"); do
      for column in $columns; do
        measure_cell 1KB "$pinning" "$row" "$column" "$rep" "$duration" "$(body_of "$row" 1k)"
      done
    done
  done
done

if [ "$extras" = 1 ]; then
  pin unpinned
  for row in direct gateway; do
    warm_up "$row" "$(body_of "$row" 32k)" "$warmup"
    for rep in $(seq 1 "$reps"); do
      for column in c1 c64; do
        measure_cell 32KB unpinned "$row" "$column" "$rep" "$duration" "$(body_of "$row" 32k)"
      done
    done
  done
  restart_simulator 50
  for row in direct gateway; do
    warm_up "$row" "$(body_of "$row" 1k)" "$warmup"
    for rep in $(seq 1 "$reps"); do
      for column in c1 c64; do
        measure_cell 50ms unpinned "$row" "$column" "$rep" "$duration" "$(body_of "$row" 1k)"
      done
    done
  done
fi

finish_and_check
write_results
exit "$failed"

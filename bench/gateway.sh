#!/usr/bin/env bash
# The gateway overhead benchmark: the Bedrock simulator straight, behind nginx, behind another LLM gateway
# (the Portkey AI Gateway, OpenAI-style chat routed to the bedrock provider), and behind AuditGate with its full
# pipeline (API key, PII masking of a ~1 KB prompt, durable journal shipped to S3Mock, signed digests), on /invoke
# (row gateway) and on /v1/chat/completions with exactly the body Portkey gets (row gateway-v1); opt-in row
# gateway-metered: /invoke as a tenant with every rate limit and budget (bench/tenants.json; a 429 stops the run).
# Everything runs on 127.0.0.1; every process it starts is stopped when it ends. Results: target/bench/results.md,
# raw per-run lines in target/bench/runs.jsonl. Method and latest numbers: docs/performance.md.
#
# Usage (from anywhere): bench/gateway.sh [--smoke | --soak]
#   (default)  full run: 30 s warm-up per configuration, 3 repetitions per cell, unpinned and pinned, extra cases
#   --smoke    seconds per cell, one repetition, unpinned, few cells (< 2 minutes); for CI, not for numbers
#   --soak     5 minutes at concurrency 64 through AuditGate, then its RSS
# Needs JDK 21+ (src/local/jdk.sh picks one), Maven, nginx (Debian nginx-light), wrk, node and npm on PATH; builds target/*.jar when missing or
# stale; installs the Portkey AI Gateway into target/portkey (npm ci, pinned by bench/portkey/package-lock.json).
# Columns (BENCH_COLUMNS): cN closed loop at concurrency N (wrk); rate: BENCH_RATE requests/s over 64 connections;
#   rateN: N requests/s, connections opened as needed (up to N x (model latency + 1 s) x 2, BENCH_RATE_CONNECTIONS),
#   latency from each request's due time; sN: N concurrent streams in a closed loop (ConverseStream straight, chat
#   with "stream": true through Portkey and AuditGate's /v1, /invoke with "stream": true through AuditGate; nginx is
#   skipped), each answer BENCH_STREAM_TOKENS (100) tokens, BENCH_STREAM_CHUNK_CHARS (4) characters per delta,
#   BENCH_STREAM_GAP_MS (20) apart
#   (a simulator answer rule set for the sN cells only); time to first token, largest gap, errors, CPU per stream.
# Issue 16's table (one sitting, nothing else running; about 25 minutes):
#   BENCH_MODEL_LATENCY_MS=1500 BENCH_ROWS="direct portkey gateway" BENCH_COLUMNS="c256 c1024 rate500 rate1000 s1000 s2000" \
#     BENCH_PINNING=unpinned BENCH_EXTRAS=0 BENCH_REPS=2 BENCH_DURATION=20 BENCH_WARMUP=20 BENCH_GATEWAY_WARMUP=120 bench/gateway.sh
# Overrides: BENCH_DURATION, BENCH_WARMUP (s), BENCH_GATEWAY_WARMUP (s, AuditGate's first warm-up), BENCH_REPS, BENCH_RATE (req/s), BENCH_PINNING ("unpinned pinned"),
#   BENCH_EXTRAS (1/0), BENCH_ROWS ("direct nginx portkey gateway gateway-v1"), BENCH_COLUMNS ("c1 c16 c64 rate"),
#   BENCH_STREAM_WARMUP (s, the stream generator's ramp-up before each sN cell; 10, smoke 2), BENCH_RATE_CONNECTIONS,
#   BENCH_STREAM_TOKENS, BENCH_STREAM_CHUNK_CHARS, BENCH_STREAM_GAP_MS,
#   BENCH_MODEL_LATENCY_MS (the simulator's model latency for the whole run, default 0; e.g. 1500 with BENCH_COLUMNS="c256 c1024"),
#   BENCH_ORDER (rows; interleaved: rows in turn per repetition and column), BENCH_QUOTA_LEDGER (grid; local),
#   BENCH_TENANTS_POLICY (gateway-metered's policy, default bench/tenants.json),
#   GATEWAY_JAVA_OPTS (JVM options of the gateway; default: a 384 MB heap and the parallel collector, see docs/performance.md), BENCH_JFR (a .jfr path: record the gateway with JFR).
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
  duration=${BENCH_DURATION:-3} warmup=${BENCH_WARMUP:-5} reps=${BENCH_REPS:-1} rate=${BENCH_RATE:-50}
  pinnings=${BENCH_PINNING:-unpinned} extras=${BENCH_EXTRAS:-0} columns=${BENCH_COLUMNS:-c1 c64 rate}
  gateway_warmup=${BENCH_GATEWAY_WARMUP:-$warmup} stream_warmup=${BENCH_STREAM_WARMUP:-2}
else
  duration=${BENCH_DURATION:-10} warmup=${BENCH_WARMUP:-30} reps=${BENCH_REPS:-3} rate=${BENCH_RATE:-1000}
  pinnings=${BENCH_PINNING:-unpinned pinned} extras=${BENCH_EXTRAS:-1} columns=${BENCH_COLUMNS:-c1 c16 c64 rate}
  # AuditGate's CPU per request still fell by a third between the first and the fourth minute of load (C2 compiling
  # Payara, Jersey, Weld and the SDK): its first warm-up is longer than the others
  gateway_warmup=${BENCH_GATEWAY_WARMUP:-180}
  # the stream generator starts its users spread over its own warm-up, then measures the window after it
  stream_warmup=${BENCH_STREAM_WARMUP:-10}
fi

# the JSON-P provider is named inside the jar (src/main/payara/system.properties);
# a fixed 384 MB heap keeps RSS under the 768 MB target (the JVM's default here is a quarter of 24 GiB)
# the parallel collector: +45 % requests/s at c=64 against G1 on these two cores (docs/performance.md, "JVM options");
# the same options as src/local/run-local.sh
GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS--Xms384m -Xmx384m -XX:+UseParallelGC}
DEFAULT_ROWS="direct nginx portkey gateway gateway-v1"
require_tools
build_if_stale
if uses_portkey; then install_portkey; fi
prepare_run_dir
start_all "${BENCH_MODEL_LATENCY_MS:-0}"
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
  run_case 1KB 1k "$pinning" "${BENCH_ROWS:-$DEFAULT_ROWS}" "$columns"
done

if [ "$extras" = 1 ]; then
  pin unpinned
  run_case 32KB 32k unpinned "direct gateway" "c1 c64"
  restart_simulator 50
  run_case 50ms 1k unpinned "direct gateway" "c1 c64"
fi

finish_and_check
write_results
exit "$failed"

#!/usr/bin/env bash
# Interleaved A/B(/C) benchmark of gateway builds on one host in one sitting: bench/gateway.sh's machinery (the
# simulator, S3Mock, wrk, the 1 KB PII prompt, CPU from /proc) for the rows `gateway` and `direct`, run round by round
# in the order AB_ORDER, each round on a fresh stack. Per round: time to ready, the first AB_WARMUP seconds of load at
# c=64 in 10 s windows (the warm-up curve: CPU per request per window), then AB_REPS repetitions of c1 and c64 for
# direct and gateway, the RSS, and the load average. Results: target/ab/results.md (medians per variant, per round,
# and the warm-up curves), raw lines in target/ab/runs.jsonl. Method and results: docs/performance.md.
#
# Variants are letters. Variant X is the jar AB_X_JAR (default target/auditgate.jar) on the JDK AB_X_JAVA_HOME
# (default: src/local/jdk.sh's) with the JVM options AB_X_OPTS (default -Xms384m -Xmx384m -XX:+UseParallelGC).
# AB_X_TRAIN_OPTS, when set, makes a training run of X before the first round: X's jar and JDK with these options
# (instead of AB_X_OPTS), AB_TRAIN seconds at c=64, then SIGTERM and a wait for the JVM to exit (a JDK 25 AOT cache
# is written at exit: -XX:AOTCacheOutput=...; AB_X_TRAIN overrides AB_TRAIN for X). AB_X_CREATE_OPTS, when set, then
# runs `java AB_X_CREATE_OPTS -jar AB_X_JAR` once (the JDK's two-step AOT workflow: -XX:AOTMode=create ...).
#
# Usage: AB_A_JAR=... AB_A_JAVA_HOME=... AB_A_OPTS=... [AB_ORDER="A B A B A B"] bench/ab.sh
# Overrides: AB_ORDER, AB_WARMUP (s, 120), AB_WINDOW (s, 10), AB_DURATION (s per cell, 10), AB_REPS (2),
#   AB_TRAIN (s, 180), AB_COLUMNS ("c1 c64").
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

mode=ab
BENCH_ROWS="direct gateway" DEFAULT_ROWS="direct gateway"
order=${AB_ORDER:-A B A B A B}
ab_warmup=${AB_WARMUP:-120} window=${AB_WINDOW:-10} duration=${AB_DURATION:-10} reps=${AB_REPS:-2}
train=${AB_TRAIN:-180} columns=${AB_COLUMNS:-c1 c64}
warmup=10 gateway_warmup=$ab_warmup rate=1000
DEFAULT_OPTS="-Xms384m -Xmx384m -XX:+UseParallelGC"
AB_OUT=target/ab
BUILD_JAVA_HOME=$JAVA_HOME

require_tools
build_if_stale
rm -rf "$AB_OUT"
mkdir -p "$AB_OUT"

variant_get() { # letter field(JAR|JAVA_HOME|OPTS|TRAIN_OPTS) default
  local name="AB_$1_$2"
  if [ -n "${!name+set}" ]; then echo "${!name}"; else echo "$3"; fi
}

use_variant() { # letter [training]
  GATEWAY_JAR=$(variant_get "$1" JAR target/auditgate.jar)
  GATEWAY_JAVA=$(variant_get "$1" JAVA_HOME "$BUILD_JAVA_HOME")/bin/java
  if [ "${2:-}" = training ]; then GATEWAY_JAVA_OPTS=$(variant_get "$1" TRAIN_OPTS "")
  else GATEWAY_JAVA_OPTS=$(variant_get "$1" OPTS "$DEFAULT_OPTS"); fi
  [ -f "$GATEWAY_JAR" ] || die "variant $1: no jar $GATEWAY_JAR"
  [ -x "$GATEWAY_JAVA" ] || die "variant $1: no java at $GATEWAY_JAVA"
}

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# The simulator, S3Mock and nginx first, up and idle; then the gateway alone, timed from its start to the first
# /health/ready 200 and to the first /invoke answered 200 (polled every 0.2 s).
start_stack() {
  start_simulator 0
  start_s3mock
  start_nginx
  await_http "http://127.0.0.1:$S3_PORT/" 120 S3Mock
  curl -sf -o /dev/null -X PUT -H 'x-amz-bucket-object-lock-enabled: true' "http://127.0.0.1:$S3_PORT/$BUCKET" \
    || die "cannot create the bucket in S3Mock"
  await_http "http://127.0.0.1:$SIM_PORT/_sim/stats" 30 "the simulator"
  await_http "http://127.0.0.1:$NGINX_PORT/_sim/stats" 10 nginx
  sleep 2
  local t0
  t0=$(now)
  start_gateway
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -m 2 "http://127.0.0.1:$GATEWAY_PORT/health/ready")" = 200 ]; do
    kill -0 "$GATEWAY_PID" 2>/dev/null || die "AuditGate exited (log: $RUN/gateway.log)"
    [ "$(since "$t0" | cut -d. -f1)" -lt 240 ] || die "AuditGate not ready within 240 s (log: $RUN/gateway.log)"
    sleep 0.2
  done
  READY_S=$(since "$t0")
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -m 5 -X POST -H 'Content-Type: application/json' \
    -H "x-api-key: $API_KEY" --data-binary @"$BODY_INVOKE_1K" "http://127.0.0.1:$GATEWAY_PORT/invoke")" = 200 ]; do
    [ "$(since "$t0" | cut -d. -f1)" -lt 240 ] || die "no 200 from /invoke within 240 s (log: $RUN/gateway.log)"
    sleep 0.2
  done
  FIRST_200_S=$(since "$t0")
  log "gateway ready after ${READY_S} s, first /invoke 200 after ${FIRST_200_S} s"
}

stop_stack() {
  local deadline=$((SECONDS + 60)) left
  until left=$(backlog) && [ "$left" = 0 ]; do
    [ "$SECONDS" -lt "$deadline" ] || { log "audit backlog did not drain: $left"; failed=1; break; }
    sleep 1
  done
  stop_all
  started=()
}

fresh_run_dir() { # name
  OUT=$AB_OUT/$1
  RUN=$OUT/run
  prepare_run_dir
}

training_run() { # letter
  use_variant "$1" training
  fresh_run_dir "train-$1"
  local seconds
  seconds=$(variant_get "$1" TRAIN "$train")
  log "training run of $1: $GATEWAY_JAVA $GATEWAY_JAVA_OPTS, $seconds s at c=64"
  start_stack
  measure_cell train unpinned gateway c64 1 "$seconds" "$BODY_INVOKE_1K"
  local t0
  t0=$(now)
  kill -TERM "$GATEWAY_PID"
  for _ in $(seq 1 3000); do kill -0 "$GATEWAY_PID" 2>/dev/null || break; sleep 0.1; done
  log "training run of $1: the JVM exited $(since "$t0") s after SIGTERM"
  if grep -q 'A fatal error has been detected' "$RUN/gateway.log"; then die "training run of $1: the JVM crashed at exit (log: $RUN/gateway.log)"; fi
  stop_all
  started=()
  local create
  create=$(variant_get "$1" CREATE_OPTS "")
  if [ -n "$create" ]; then
    log "creating the cache of $1: $GATEWAY_JAVA $create -jar $GATEWAY_JAR"
    # shellcheck disable=SC2086
    "$GATEWAY_JAVA" $create -jar "$GATEWAY_JAR" >"$RUN/create.log" 2>&1 || die "cache creation failed ($RUN/create.log)"
    tail -1 "$RUN/create.log" >&2
  fi
}

round() { # number letter
  local n=$1 x=$2 i rep row column load_before
  use_variant "$x"
  fresh_run_dir "round-$n-$x"
  GATEWAY_WARM=1
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  log "round $n: variant $x: $GATEWAY_JAR on $GATEWAY_JAVA, options: $GATEWAY_JAVA_OPTS; load $load_before"
  start_stack
  check_pipeline
  for i in $(seq 1 $((ab_warmup / window))); do
    measure_cell warm unpinned gateway c64 "$i" "$window" "$BODY_INVOKE_1K"
  done
  warm_up direct "$(body_of direct 1k)" "$warmup"
  for rep in $(seq 1 "$reps"); do
    for row in direct gateway; do
      for column in $columns; do
        measure_cell measure unpinned "$row" "$column" "$rep" "$duration" "$(body_of "$row" 1k)"
      done
    done
  done
  local rss
  rss=$(rss_mb "$GATEWAY_PID")
  stop_stack
  grep -E '"phase":"measure"' "$OUT/runs.jsonl" | sed "s/}\$/,\"round\":$n,\"variant\":\"$x\"}/" >>"$AB_OUT/runs.jsonl"
  printf '{"phase":"round","round":%d,"variant":"%s","ready_s":%s,"first_200_s":%s,"rss_end_mb":%s,"load_before":"%s","load_after":"%s","java":"%s","jar":"%s","opts":"%s"}\n' \
    "$n" "$x" "$READY_S" "$FIRST_200_S" "$rss" "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)" \
    "$("$GATEWAY_JAVA" -version 2>&1 | head -1 | tr -d '"')" "$GATEWAY_JAR" "$GATEWAY_JAVA_OPTS" >>"$AB_OUT/runs.jsonl"
}

for x in $(tr ' ' '\n' <<<"$order" | sort -u); do
  if [ -n "$(variant_get "$x" TRAIN_OPTS "")" ]; then training_run "$x"; fi
done
n=0
for x in $order; do
  n=$((n + 1))
  round "$n" "$x"
done
python3 bench/ab_summary.py "$AB_OUT/runs.jsonl" | tee "$AB_OUT/results.md"
exit "$failed"

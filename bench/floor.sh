#!/usr/bin/env bash
# The floor of the gateway's fixed stack: what Payara Micro, Jersey and the AWS SDK cost per request on
# this machine before any of AuditGate's own work, measured like bench/gateway.sh measures the gateway.
#
#   jaxrs    the gateway's Payara Micro (target/payara-micro.jar, same JVM options and flags as the benchmark's
#            gateway) serving a trivial WAR (bench/floor/app): a CDI-managed JAX-RS resource `POST /echo` that
#            reads the 1 KB /invoke body as an InputStream to the end and answers a fixed ~320-byte JSON object
#   servlet  the same work in a plain servlet in the same WAR (`POST /servlet-echo`): Grizzly and the web container
#            without Jersey (and without CDI's resource lookup)
#   sdk      the gateway's Bedrock Runtime client (BedrockClients' settings) calling Converse with the benchmark's
#            1 KB prompt on target/bedrock-simulator.jar (0 ms latency) from N threads in a closed loop, in a plain
#            JVM with the gateway's JVM options and the jars of the gateway's WAR (bench/floor/sdk/SdkFloor.java)
#
# Payara rows: wrk (bench/wrk-post.lua) at each concurrency; CPU = utime + stime of the Payara process from
# /proc/<pid>/stat over the cell ÷ requests (bench/lib.sh's cpu_ticks), RSS = VmRSS after the cell. SDK row: the
# JVM measures itself (process CPU time of all its threads ÷ calls, VmRSS). Every process runs on 127.0.0.1 only
# (checked with ss) and is stopped on exit. Raw lines: target/floor/runs.jsonl; table: target/floor/results.md.
#
# Usage (from anywhere): bench/floor.sh
# Needs JDK 21+ (java, javac, jar; src/local/jdk.sh picks one), Maven, wrk, curl, ss. Builds target/*.jar (mvn -B -q package -DskipTests) when
# missing; fetches jakarta.jakartaee-api with Maven when it is not in the local repository.
# Overrides: FLOOR_WARMUP (s at concurrency 64 before the first Payara row and before the SDK row; default 120),
#   FLOOR_SERVLET_WARMUP (s, the servlet row's own warm-up after the JAX-RS one; default 30), FLOOR_DURATION (s per
#   cell; 10), FLOOR_REPS (3), FLOOR_COLUMNS ("c1 c64"), FLOOR_ROWS ("jaxrs servlet sdk"),
#   GATEWAY_JAVA_OPTS (as bench/gateway.sh; the same default).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh # log, die, stop_all on exit, free_port, cpu_ticks, rss_mb, await_http, start_simulator

FLOOR=target/floor
RUN=$FLOOR/run
PAYARA_JAR=target/payara-micro.jar
WAR=target/ROOT.war
JAKARTAEE_API=jakarta.platform:jakarta.jakartaee-api:11.0.0 # the gateway's (pom.xml)
warmup=${FLOOR_WARMUP:-120} servlet_warmup=${FLOOR_SERVLET_WARMUP:-30} duration=${FLOOR_DURATION:-10}
reps=${FLOOR_REPS:-3} columns=${FLOOR_COLUMNS:-c1 c64} rows=${FLOOR_ROWS:-jaxrs servlet sdk}
# the same default as bench/gateway.sh and src/local/run-local.sh
GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS--Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl -Xms384m -Xmx384m -XX:+UseParallelGC}
PAYARA_PID="" PAYARA_PORT=""
started_at=$SECONDS

for tool in java javac jar mvn wrk curl ss; do command -v "$tool" >/dev/null || die "$tool not found"; done

build() {
  local jar stale=0
  for jar in "$PAYARA_JAR" "$WAR" "$SIMULATOR_JAR" "$LOADGEN_JAR"; do [ -f "$jar" ] || stale=1; done
  if [ "$stale" = 0 ] && [ pom.xml -nt "$WAR" ]; then stale=1; fi
  if [ "$stale" = 1 ]; then
    log "building (mvn -B -q package -DskipTests)"
    mkdir -p target
    mvn -B -q package -DskipTests >target/floor-build.log 2>&1 || { tail -40 target/floor-build.log; die "build failed"; }
  fi
  rm -rf "$FLOOR"
  mkdir -p "$RUN/tmp" "$FLOOR/war/WEB-INF/classes" "$FLOOR/classes" "$FLOOR/lib"
  # the WAR's compile class path: the Jakarta EE 11 API jar, from the local repository (or Maven Central)
  mvn -B -q dependency:copy -Dartifact="$JAKARTAEE_API" -DoutputDirectory="$FLOOR" >"$FLOOR/mvn.log" 2>&1 \
    || { cat "$FLOOR/mvn.log"; die "cannot get $JAKARTAEE_API"; }
  local api
  api=$(echo "$FLOOR"/jakarta.jakartaee-api-*.jar)
  javac --release 21 -nowarn -cp "$api" -d "$FLOOR/war/WEB-INF/classes" $(find bench/floor/app -name '*.java')
  jar --create --file "$FLOOR/floor.war" -C "$FLOOR/war" .
  # the SDK client's class path: exactly the libraries the gateway's WAR ships, plus the benchmark's prompt
  # (io.auditgate.bench.Prompts) and HdrHistogram from the load generator's jar
  (cd "$FLOOR/lib" && jar --extract --file "../../ROOT.war" WEB-INF/lib)
  SDK_CP="$FLOOR/lib/WEB-INF/lib/*:$LOADGEN_JAR"
  javac --release 21 -nowarn -cp "$SDK_CP" -d "$FLOOR/classes" $(find bench/floor/sdk -name '*.java')
  BODY=$RUN/invoke-1k.json
  java -jar "$LOADGEN_JAR" body invoke 1024 1024 >"$BODY"
}

# Every listening TCP or UDP socket of the process is on 127.0.0.1
check_loopback() { # pid what
  local sockets bad
  sockets=$(ss -Hlntup 2>/dev/null | grep "pid=$1," | awk '{ print $5 }' || true)
  [ -n "$sockets" ] || die "cannot see $2's sockets with ss"
  bad=$(grep -vE '^(127\.0\.0\.1|\[::ffff:127\.0\.0\.1\]):' <<<"$sockets" || true)
  [ -z "$bad" ] || die "$2 listens beyond loopback: $bad"
}

start_payara() {
  PAYARA_PORT=$(free_port)
  log "starting Payara Micro $(payara_version) with bench/floor/app on port $PAYARA_PORT"
  # as bench/lib.sh starts the gateway (the uber jar auditgate.jar is payara-micro.jar with the WAR at / and
  # --nocluster --disablephonehome built in): same JVM options, tmpdir under target/, HTTP bound to 127.0.0.1
  # --nocluster still starts a one-member Hazelcast data grid (port 6900 and up): src/local/bind-loopback.asadmin
  # names 127.0.0.1 as its interface and hazelcast.socket.bind.any=false binds it there only. It serves no request.
  java ${GATEWAY_JAVA_OPTS:-} -Daws.disableEc2Metadata=true -Djava.io.tmpdir="$RUN/tmp" \
    -Dhazelcast.socket.bind.any=false \
    -jar "$PAYARA_JAR" --deploy "$FLOOR/floor.war" --contextroot / --nocluster --disablephonehome \
    --port "$PAYARA_PORT" --prebootcommandfile src/local/bind-loopback.asadmin >"$RUN/payara.log" 2>&1 &
  PAYARA_PID=$!
  started+=("$PAYARA_PID")
  local deadline=$((SECONDS + 240))
  until [ "$(post /echo -o /dev/null -w '%{http_code}')" = 200 ]; do
    kill -0 "$PAYARA_PID" 2>/dev/null || die "Payara Micro exited (log: $RUN/payara.log)"
    [ "$SECONDS" -lt "$deadline" ] || die "Payara Micro not ready within 240 s (log: $RUN/payara.log)"
    sleep 1
  done
  check_loopback "$PAYARA_PID" "Payara Micro"
  local path answer
  for path in /echo /servlet-echo; do
    answer=$(post "$path" -i)
    [[ "$answer" == *"HTTP/1.1 200"* && "$answer" == *[Cc]ontent-[Tt]ype:\ application/json* \
      && "$answer" == *"\"request_bytes\":$(wc -c <"$BODY")}" ]] || die "unexpected answer on $path: ${answer:0:500}"
  done
  log "Payara Micro up after $((SECONDS - payara_started)) s, RSS $(rss_mb "$PAYARA_PID") MB"
}

payara_version() { grep -o '<payara.version>[^<]*' pom.xml | cut -d'>' -f2; }

post() { # path curl-options...
  local path=$1
  shift
  curl -s -m 5 -X POST -H 'Content-Type: application/json' --data-binary @"$BODY" "$@" "http://127.0.0.1:$PAYARA_PORT$path"
}

stop_pid() { # pid
  kill "$1" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$1" 2>/dev/null || true
}

path_of() { case "$1" in jaxrs) echo /echo ;; servlet) echo /servlet-echo ;; *) die "unknown row $1" ;; esac; }

wrk_run() { # path connections seconds; one JSON line (bench/wrk-post.lua)
  WRK_BODY_FILE=$BODY WRK_HEADERS="" wrk -t "$(($2 < 2 ? 1 : 2))" -c "$2" -d "${3}s" --timeout 10s \
    -s bench/wrk-post.lua "http://127.0.0.1:$PAYARA_PORT$1" | grep '^{' | tail -1
}

field() { grep -o "\"$1\":[0-9.]*" <<<"$2" | cut -d: -f2; }

warm_payara() { # row seconds
  log "warm-up: $1, $2 s at concurrency 64"
  local result
  result=$(wrk_run "$(path_of "$1")" 64 "$2")
  echo "${result%\}},\"phase\":\"warmup\",\"row\":\"$1\"}" >>"$FLOOR/runs.jsonl"
}

measure_payara() { # row column rep
  local row=$1 connections=${2#c} rep=$3 before after result requests errors cpu rss
  kill -0 "$PAYARA_PID" 2>/dev/null || die "Payara Micro exited (log: $RUN/payara.log)"
  before=$(cpu_ticks "$PAYARA_PID")
  result=$(wrk_run "$(path_of "$row")" "$connections" "$duration")
  after=$(cpu_ticks "$PAYARA_PID")
  requests=$(field requests "$result")
  errors=$(($(field non2xx "$result") + $(field socket_errors "$result")))
  cpu=$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
    'BEGIN { printf "%.1f", (n > 0 ? t * 1e6 / hz / n : 0) }')
  rss=$(rss_mb "$PAYARA_PID")
  echo "${result%\}},\"phase\":\"measure\",\"row\":\"$row\",\"concurrency\":$connections,\"rep\":$rep,\"errors\":$errors,\"cpu_us_per_req\":$cpu,\"rss_mb\":$rss}" \
    >>"$FLOOR/runs.jsonl"
  log "$row c=$connections #$rep: $result cpu=${cpu}µs rss=${rss}MB"
  [ "$errors" = 0 ] || { log "ERRORS in $row c=$connections #$rep"; failed=1; }
}

run_payara() { # rows
  local row rep column first=1
  payara_started=$SECONDS
  start_payara
  for row in $1; do
    if [ "$first" = 1 ]; then warm_payara "$row" "$warmup"; first=0; else warm_payara "$row" "$servlet_warmup"; fi
  done
  for rep in $(seq 1 "$reps"); do
    for row in $1; do
      for column in $columns; do measure_payara "$row" "$column" "$rep"; done
    done
  done
  stop_pid "$PAYARA_PID"
}

run_sdk() {
  SIM_PORT=$(free_port)
  log "starting the simulator on port $SIM_PORT (0 ms latency)"
  start_simulator 0
  await_http "http://127.0.0.1:$SIM_PORT/_sim/stats" 30 "the simulator"
  check_loopback "$SIM_PID" "the simulator"
  local concurrency=${columns//c/}
  log "SDK floor: warm-up $warmup s at 64 threads, then $reps × ($concurrency threads) × $duration s"
  env AWS_EC2_METADATA_DISABLED=true \
    java ${GATEWAY_JAVA_OPTS:-} -Daws.disableEc2Metadata=true -Djava.io.tmpdir="$RUN/tmp" \
    -cp "$FLOOR/classes:$SDK_CP" io.auditgate.floor.SdkFloor --endpoint "http://127.0.0.1:$SIM_PORT" \
    --warmup "$warmup" --duration "$duration" --reps "$reps" --concurrency "$concurrency" \
    >"$RUN/sdk.jsonl" 2>"$RUN/sdk.log" &
  local sdk_pid=$!
  started+=("$sdk_pid")
  wait "$sdk_pid" || { tail -20 "$RUN/sdk.log"; die "the SDK floor failed (log: $RUN/sdk.log)"; }
  local line
  while IFS= read -r line; do
    log "sdk: $line"
    [[ "$line" == *'"errors":0,'* ]] || { log "ERRORS in the SDK row"; failed=1; }
  done <"$RUN/sdk.jsonl"
  cat "$RUN/sdk.jsonl" >>"$FLOOR/runs.jsonl"
  stop_pid "$SIM_PID"
}

build
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
payara_rows=$(for row in $rows; do [ "$row" = sdk ] || echo "$row"; done | xargs)
[ -z "$payara_rows" ] || run_payara "$payara_rows"
if [[ " $rows " == *" sdk "* ]]; then run_sdk; fi

{
  echo "# Stack floor ($(date -u +%Y-%m-%dT%H:%MZ), $((SECONDS - started_at)) s)"
  echo
  echo "Machine: $(nproc) CPUs ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), kernel $(uname -r)," \
    "$(java -version 2>&1 | head -2 | tail -1). Load average before: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Payara Micro $(payara_version), AWS SDK $(basename "$FLOOR"/lib/WEB-INF/lib/bedrockruntime-*.jar .jar | sed 's/bedrockruntime-//');" \
    "JVM options: ${GATEWAY_JAVA_OPTS:-none}. Warm-up ${warmup} s at concurrency 64 (servlet: ${servlet_warmup} s more);" \
    "${reps} × ${duration} s per cell, median (min–max). Payara: wrk, CPU of the Payara process; SDK: 1 KB Converse" \
    "calls to the simulator, CPU of the calling JVM."
  echo
  java -cp "$FLOOR/classes" io.auditgate.floor.FloorTable "$FLOOR/runs.jsonl"
} >"$FLOOR/results.md"
cat "$FLOOR/results.md"
exit "$failed"

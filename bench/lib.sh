# shellcheck shell=bash
# The steps of bench/gateway.sh: processes, pinning, one measured cell, the audit check, the table.
# Sourced, not run. Every process started here is recorded in `started` and stopped by `stop_all` on exit.

# every java and mvn below on a JDK >= 21 (Payara Micro 7), or a clear message: src/local/jdk.sh
source src/local/jdk.sh || exit 1
# log, die, started, stop_all (on exit), free_port
LOG_TAG=bench
source src/local/processes.sh

OUT=target/bench
RUN=$OUT/run
GATEWAY_JAR=target/auditgate.jar
SIMULATOR_JAR=target/bedrock-simulator.jar
LOADGEN_JAR=target/auditgate-loadgen.jar
VERIFIER_JAR=target/auditgate-verifier.jar
S3MOCK_JAR=target/s3mock-5.2.0-exec.jar
# the second gateway: the Portkey AI Gateway from npm, pinned with all its dependencies by
# bench/portkey/package-lock.json
PORTKEY_VERSION=1.15.2
PORTKEY_DIR=target/portkey
PORTKEY_SERVER=$PORTKEY_DIR/node_modules/@portkey-ai/gateway/build/start-server.js
# the demo tenant's key from src/main/resources/local/tenants.json: local runs only, never configured elsewhere
API_KEY=ag_1fb62ab7_GS8GpwlqF3gAx7LAxSsWBSCcD6Vw5Dle-JfkcL0lbM0
# the gateway-metered row: the tenant bench-metered of bench/tenants.json (every rate limit and budget, none of them
# reachable by the benchmark: MeteredTenantPolicyTest); benchmark runs only, never configured elsewhere
METERED_API_KEY=ag_d77e31d9_toxPog0RarCurFgkg_syqrrKR0vfD0458w_UT5ZPtPw
METERED_TENANT=bench-metered
# the ledger the metered tenant is counted on: grid (the default: Payara's data grid, one member under --nocluster)
# or local (quota.ledger=local: a map on this instance)
QUOTA_LEDGER_EXPECTED=${BENCH_QUOTA_LEDGER:-grid}
CONVERSE_PATH=/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse
CONVERSE_STREAM_PATH=/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse-stream
# the streamed answers of the sN columns (issue 16: about 100 tokens at 20 ms gaps): one token (4 characters) per
# delta; set on the simulator with an answer rule for the stream cells only (shape_streams), so other cells keep
# their short answers
STREAM_TOKENS=${BENCH_STREAM_TOKENS:-100}
STREAM_CHUNK_CHARS=${BENCH_STREAM_CHUNK_CHARS:-4}
STREAM_GAP_MS=${BENCH_STREAM_GAP_MS:-20}
# S3Mock accepts SSE-KMS only with a key it was told about (any ARN does), and then requests name the key id
KMS_KEY_ARN=arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555
KMS_KEY_ID=${KMS_KEY_ARN##*/}
BUCKET=auditgate-bench
SIGV4_HEADERS=$'Authorization: AWS4-HMAC-SHA256 Credential=BENCHFAKEKEY/20260101/us-east-1/bedrock/aws4_request, SignedHeaders=host;x-amz-date, Signature=00\nX-Amz-Date: 20260101T000000Z'

failed=0
GEN_PREFIX=()
PORTKEY_PID=""

require_tools() {
  NGINX=$(command -v nginx || echo /usr/sbin/nginx)
  local tool
  for tool in java mvn wrk curl taskset openssl gzip "$NGINX"; do
    command -v "$tool" >/dev/null || die "$tool not found (Debian: apt-get install nginx-light wrk; .ci/run does)"
  done
}

# Rows other than direct/nginx/gateway need something more: the portkey row needs node and npm (Debian's nodejs and
# npm, or any Node >= 18) and installs its package into target/portkey the first time (npm ci from the lock file).
# the gateway-metered row needs the bench policy (bench/tenants.json); without it the gateway keeps the local profile's
uses_metered() { [[ " ${BENCH_ROWS:-${DEFAULT_ROWS:-}} " == *" gateway-metered "* ]] && [ "${mode:-}" != soak ]; }

# BENCH_TENANTS_POLICY: another policy for the metered row (a copy with low limits shows the run stopping on a 429)
tenants_policy() {
  if uses_metered; then echo "${BENCH_TENANTS_POLICY:-bench/tenants.json}"; else echo src/main/resources/local/tenants.json; fi
}

uses_portkey() { [[ " ${BENCH_ROWS:-$DEFAULT_ROWS} " == *" portkey "* ]] && [ "$mode" != soak ]; }

install_portkey() {
  command -v node >/dev/null && command -v npm >/dev/null \
    || die "the portkey row needs node and npm (Debian: apt-get install nodejs npm), or leave it out of BENCH_ROWS"
  if [ -f "$PORTKEY_SERVER" ] && cmp -s bench/portkey/package-lock.json "$PORTKEY_DIR/package-lock.json" \
    && grep -q "\"version\": \"$PORTKEY_VERSION\"" "$PORTKEY_DIR/node_modules/@portkey-ai/gateway/package.json"; then
    return
  fi
  log "installing the Portkey AI Gateway $PORTKEY_VERSION into $PORTKEY_DIR (npm ci, bench/portkey/package-lock.json)"
  rm -rf "$PORTKEY_DIR"
  mkdir -p "$PORTKEY_DIR"
  cp bench/portkey/package.json bench/portkey/package-lock.json "$PORTKEY_DIR/"
  # --ignore-scripts: its only install script is patch-package, with no patches in the published package
  local install_log=target/portkey-install.log
  npm ci --prefix "$PORTKEY_DIR" --ignore-scripts --prefer-offline --no-audit --no-fund --loglevel=error \
    >"$install_log" 2>&1 \
    || { tail -20 "$install_log"; die "npm ci of @portkey-ai/gateway@$PORTKEY_VERSION failed (log: $install_log)"; }
  [ -f "$PORTKEY_SERVER" ] || die "npm ci did not install $PORTKEY_SERVER"
}

build_if_stale() {
  local jar stale=0
  for jar in "$GATEWAY_JAR" "$SIMULATOR_JAR" "$LOADGEN_JAR" "$VERIFIER_JAR"; do [ -f "$jar" ] || stale=1; done
  if [ "$stale" = 0 ] && [ -n "$(find src pom.xml -newer "$GATEWAY_JAR" -print -quit)" ]; then stale=1; fi
  if [ "$stale" = 1 ]; then
    log "building (mvn -B -q package -DskipTests)"
    mkdir -p target # a fresh clone has none
    mvn -B -q package -DskipTests >target/bench-build.log 2>&1 || { tail -40 target/bench-build.log; die "build failed"; }
  fi
  if [ ! -f "$S3MOCK_JAR" ]; then
    local cached=~/.m2/repository/com/adobe/testing/s3mock/5.2.0/s3mock-5.2.0-exec.jar
    if [ -f "$cached" ]; then cp "$cached" "$S3MOCK_JAR"; else
      mvn -B -q dependency:copy -Dartifact=com.adobe.testing:s3mock:5.2.0:jar:exec -DoutputDirectory=target >/dev/null
    fi
  fi
}

prepare_run_dir() {
  rm -rf "$OUT"
  mkdir -p "$RUN/tmp" "$RUN/journal" "$RUN/s3" "$RUN/nginx"
  local target size
  for target in invoke converse; do
    java -jar "$LOADGEN_JAR" body "$target" 1024 1024 >"$RUN/$target-1k.json"
    java -jar "$LOADGEN_JAR" body "$target" 32768 4096 >"$RUN/$target-32k.json"
  done
  BODY_INVOKE_1K=$RUN/invoke-1k.json
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$RUN/signing-key.pem" 2>/dev/null
  openssl pkey -in "$RUN/signing-key.pem" -pubout -out "$RUN/signing-public.pem"
  java -jar "$LOADGEN_JAR" body chat 1024 1024 >"$RUN/chat-1k.json"
  java -jar "$LOADGEN_JAR" body invoke-stream 1024 1024 >"$RUN/invoke-stream-1k.json"
  java -jar "$LOADGEN_JAR" body chat-stream 1024 1024 >"$RUN/chat-stream-1k.json"
  java -jar "$LOADGEN_JAR" body chat 32768 4096 >"$RUN/chat-32k.json"
  SIM_PORT=$(free_port) S3_PORT=$(free_port) S3_TLS_PORT=$(free_port) NGINX_PORT=$(free_port) GATEWAY_PORT=$(free_port)
  PORTKEY_PORT=$(free_port)
  # one synchronous 512-byte write on the journal's file system: what "one fsync" costs here today
  FSYNC_MS=$(dd if=/dev/zero of="$RUN/fsync-probe" bs=512 count=200 oflag=dsync 2>&1 \
    | awk '/copied/ { for (i = 1; i <= NF; i++) if ($i ~ /^s,?$/) print $(i - 1) * 1000 / 200 }')
  rm -f "$RUN/fsync-probe"
  LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
  log "ports: simulator $SIM_PORT, S3Mock $S3_PORT, nginx $NGINX_PORT, portkey $PORTKEY_PORT," \
    "gateway $GATEWAY_PORT; one fsync ≈ ${FSYNC_MS} ms; load $LOAD_BEFORE"
}

# gateway-v1 is AuditGate's OpenAI-compatible endpoint with exactly the body Portkey gets: the like-for-like row
body_of() { # row size
  case "$1" in
    gateway | gateway-metered) echo "$RUN/invoke-$2.json" ;;
    portkey | gateway-v1) echo "$RUN/chat-$2.json" ;;
    *) echo "$RUN/converse-$2.json" ;;
  esac
}

url_of() {
  case "$1" in
    direct) echo "http://127.0.0.1:$SIM_PORT$CONVERSE_PATH" ;;
    nginx) echo "http://127.0.0.1:$NGINX_PORT$CONVERSE_PATH" ;;
    gateway | gateway-metered) echo "http://127.0.0.1:$GATEWAY_PORT/invoke" ;;
    gateway-v1) echo "http://127.0.0.1:$GATEWAY_PORT/v1/chat/completions" ;;
    portkey) echo "http://127.0.0.1:$PORTKEY_PORT/v1/chat/completions" ;;
    *) die "unknown row $1 (rows: direct nginx portkey gateway gateway-v1 gateway-metered)" ;;
  esac
}

# Portkey takes its whole routing per request from headers: the bedrock provider, fake AWS credentials it signs
# the Converse call with (SigV4), and the simulator as the custom host (it allows 127.0.0.1 as one by default)
# The streaming columns (sN): the same 1 KB prompt, as ConverseStream straight to the simulator (or through nginx),
# a chat completion with "stream": true through Portkey and through AuditGate's /v1, and /invoke with "stream": true
# through AuditGate
is_stream_column() { [[ "$1" =~ ^s[0-9]+$ ]]; }

stream_url_of() {
  case "$1" in
    direct) echo "http://127.0.0.1:$SIM_PORT$CONVERSE_STREAM_PATH" ;;
    nginx) echo "http://127.0.0.1:$NGINX_PORT$CONVERSE_STREAM_PATH" ;;
    *) url_of "$1" ;;
  esac
}

stream_body_of() {
  case "$1" in
    gateway | gateway-metered) echo "$RUN/invoke-stream-1k.json" ;;
    portkey | gateway-v1) echo "$RUN/chat-stream-1k.json" ;;
    *) echo "$RUN/converse-1k.json" ;;
  esac
}

stream_format_of() {
  case "$1" in
    gateway | gateway-metered) echo sse-invoke ;;
    portkey | gateway-v1) echo sse-openai ;;
    *) echo eventstream ;;
  esac
}

# the streamed answer: STREAM_TOKENS tokens (4 characters each) of plain support-desk prose, the kind of text a model
# streams (the simulator's derived answers begin with the model id, whose "ku-20…" reads as a possible IBAN start
# and holds every cut for 68 characters: no real answer does that)
stream_text() {
  local sentence="Thanks for reaching out. Your ticket has been reviewed and the account settings were updated as you asked. Please allow one business day for the change to show everywhere, and reply here if anything looks wrong. "
  local text="$sentence$sentence$sentence"
  printf '%s' "${text:0:$((STREAM_TOKENS * 4))}"
}

# on: every answer of the simulator is STREAM_TOKENS tokens, streamed STREAM_CHUNK_CHARS characters per delta with
# STREAM_GAP_MS between deltas (an admin answer rule, until cleared); off: clears it
shape_streams() { # on | off
  if [ "$1" = on ]; then
    curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' "http://127.0.0.1:$SIM_PORT/_sim/answers" \
      -d "{\"text\":\"$(stream_text)\",\"chunkChars\":$STREAM_CHUNK_CHARS,\"tokenDelayMs\":$STREAM_GAP_MS,\"times\":-1}" \
      || die "the simulator refused the streaming answer rule"
  else
    curl -sf -o /dev/null -X DELETE "http://127.0.0.1:$SIM_PORT/_sim/answers" || die "cannot clear the simulator's answer rules"
  fi
}

portkey_headers() {
  printf '%s\n' "x-portkey-provider: bedrock" "x-portkey-custom-host: http://127.0.0.1:$SIM_PORT" \
    "x-portkey-aws-access-key-id: BENCHFAKEKEY" "x-portkey-aws-secret-access-key: bench-fake-secret" \
    "x-portkey-aws-region: us-east-1"
}

headers_of() {
  case "$1" in
    gateway) echo "x-api-key: $API_KEY" ;;
    gateway-metered) echo "x-api-key: $METERED_API_KEY" ;;
    gateway-v1) echo "Authorization: Bearer $API_KEY" ;; # what the OpenAI SDKs send
    portkey) portkey_headers ;;
    *) echo "$SIGV4_HEADERS" ;;
  esac
}

await_http() { # url seconds what
  local deadline=$((SECONDS + $2))
  until curl -s -o /dev/null -m 2 "$1"; do
    [ "$SECONDS" -lt "$deadline" ] || die "$3 did not answer within $2 s (logs in $RUN)"
    sleep 0.5
  done
}

start_simulator() { # latency-ms
  java -Xmx512m -jar "$SIMULATOR_JAR" --port "$SIM_PORT" --latency-ms "$1" >>"$RUN/simulator.log" 2>&1 &
  SIM_PID=$!
  started+=("$SIM_PID")
}

start_s3mock() {
  java -Xmx384m -jar "$S3MOCK_JAR" --com.adobe.testing.s3mock.store.root="$PWD/$RUN/s3" --http.port="$S3_PORT" \
    --server.port="$S3_TLS_PORT" --server.address=127.0.0.1 --spring.main.banner-mode=off \
    --com.adobe.testing.s3mock.store.retain-files-on-exit=true \
    --com.adobe.testing.s3mock.store.valid-kms-keys="$KMS_KEY_ARN" >"$RUN/s3mock.log" 2>&1 &
  S3MOCK_PID=$!
  started+=("$S3MOCK_PID")
}

start_nginx() {
  mkdir -p "$RUN/nginx/logs"
  cat >"$RUN/nginx/nginx.conf" <<EOF
# generated by bench/gateway.sh: a plain keep-alive reverse proxy in front of the simulator, loopback only
daemon off;
worker_processes 1;
pid $PWD/$RUN/nginx/nginx.pid;
error_log $PWD/$RUN/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $PWD/$RUN/nginx/body;
    proxy_temp_path $PWD/$RUN/nginx/proxy;
    fastcgi_temp_path $PWD/$RUN/nginx/fastcgi;
    uwsgi_temp_path $PWD/$RUN/nginx/uwsgi;
    scgi_temp_path $PWD/$RUN/nginx/scgi;
    client_max_body_size 2m;
    client_body_buffer_size 64k;
    upstream simulator {
        server 127.0.0.1:$SIM_PORT;
        keepalive 128;
    }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location / {
            proxy_pass http://simulator;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
        }
    }
}
EOF
  "$NGINX" -p "$PWD/$RUN/nginx" -c "$PWD/$RUN/nginx/nginx.conf" -e "$PWD/$RUN/nginx/logs/error.log" &
  NGINX_PID=$!
  started+=("$NGINX_PID")
}

# The Portkey AI Gateway on Node, headless (no console UI, no log stream), one process (Node's event loop: one core
# for JavaScript, like nginx's one worker). bench/portkey/loopback.mjs makes it listen on 127.0.0.1 only (it would
# listen on every interface) and refuses any connection or name lookup that is not loopback.
start_portkey() {
  env -u HTTP_PROXY -u HTTPS_PROXY -u http_proxy -u https_proxy NODE_ENV=production \
    node --import "$PWD/bench/portkey/loopback.mjs" "$PORTKEY_SERVER" --port="$PORTKEY_PORT" --headless \
    >"$RUN/portkey.log" 2>&1 &
  PORTKEY_PID=$!
  started+=("$PORTKEY_PID")
}

# GATEWAY_JAVA: the java that runs it (default: the one on PATH, src/local/jdk.sh's); bench/ab.sh sets it per variant
start_gateway() {
  # the local profile's settings as environment variables, but the audit trail goes to S3 (S3Mock) with SSE-KMS,
  # a signing key file and fake AWS credentials; segments ship after 2 s so the end-of-run check need not wait long
  env AWS_EC2_METADATA_DISABLED=true AWS_ACCESS_KEY_ID=BENCHFAKEKEY AWS_SECRET_ACCESS_KEY=bench-fake-secret \
    AWS_REGION=us-east-1 \
    BEDROCK_REGION=us-east-1 BEDROCK_ENDPOINT="http://127.0.0.1:$SIM_PORT" BEDROCK_CREDENTIALS=local \
    TENANTS_POLICY_FILE="$(tenants_policy)" QUOTA_LEDGER="$QUOTA_LEDGER_EXPECTED" \
    AUDIT_STORE=s3 AUDIT_BUCKET="$BUCKET" AUDIT_REGION=us-east-1 AUDIT_S3_ENDPOINT="http://127.0.0.1:$S3_PORT" \
    AUDIT_KMS_KEY_ID="$KMS_KEY_ID" AUDIT_SIGNING_KEY_FILE="$RUN/signing-key.pem" AUDIT_JOURNAL_DIR="$RUN/journal" \
    AUDIT_RETENTION=P1D AUDIT_INSTANCE=bench AUDIT_SEGMENT_MAX_AGE=PT2S AUDIT_DIGEST_INTERVAL=PT1M \
    "${GATEWAY_JAVA:-java}" ${GATEWAY_JAVA_OPTS:-} ${BENCH_JFR:+-XX:StartFlightRecording=filename=$BENCH_JFR,settings=profile} \
    -Daws.disableEc2Metadata=true -Djava.io.tmpdir="$RUN/tmp" -Dhazelcast.socket.bind.any=false \
    -jar "$GATEWAY_JAR" --port "$GATEWAY_PORT" --prebootcommandfile src/local/bind-loopback.asadmin \
    >>"$RUN/gateway.log" 2>&1 &
  GATEWAY_PID=$!
  started+=("$GATEWAY_PID")
}

start_all() { # simulator latency-ms
  log "starting the simulator, S3Mock, nginx,$(uses_portkey && echo " Portkey,") AuditGate"
  start_simulator "$1"
  start_s3mock
  start_nginx
  if uses_portkey; then start_portkey; fi
  # the gateway boots for 20-30 s before its shipper first writes; until the bucket exists it retries with back-off
  start_gateway
  await_http "http://127.0.0.1:$S3_PORT/" 120 S3Mock
  curl -sf -o /dev/null -X PUT -H 'x-amz-bucket-object-lock-enabled: true' "http://127.0.0.1:$S3_PORT/$BUCKET" \
    || die "cannot create the bucket in S3Mock"
  await_http "http://127.0.0.1:$SIM_PORT/_sim/stats" 30 "the simulator"
  await_http "http://127.0.0.1:$NGINX_PORT/_sim/stats" 10 nginx
  if uses_portkey; then
    local portkey_deadline=$((SECONDS + 30))
    until curl -sf -o /dev/null -m 2 "http://127.0.0.1:$PORTKEY_PORT/"; do
      kill -0 "$PORTKEY_PID" 2>/dev/null || die "the Portkey AI Gateway exited (log: $RUN/portkey.log)"
      [ "$SECONDS" -lt "$portkey_deadline" ] \
        || die "the Portkey AI Gateway did not answer within 30 s (log: $RUN/portkey.log)"
      sleep 0.5
    done
  fi
  local deadline=$((SECONDS + 240))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -m 2 "http://127.0.0.1:$GATEWAY_PORT/health/ready")" = 200 ]; do
    kill -0 "$GATEWAY_PID" 2>/dev/null || die "AuditGate exited (log: $RUN/gateway.log)"
    [ "$SECONDS" -lt "$deadline" ] || die "AuditGate not ready within 240 s (log: $RUN/gateway.log)"
    sleep 1
  done
  log "all up"
}

restart_simulator() { # latency-ms
  kill "$SIM_PID"
  wait "$SIM_PID" 2>/dev/null || true
  start_simulator "$1"
  await_http "http://127.0.0.1:$SIM_PORT/_sim/stats" 30 "the simulator"
  log "simulator restarted with ${1} ms model latency"
}

is_gateway_row() { [ "$1" = gateway ] || [ "$1" = gateway-v1 ] || [ "$1" = gateway-metered ]; }

# One request on each path, answered as expected: the gateway's answer says the PII was masked.
check_pipeline() {
  local answer
  answer=$(curl -s -X POST -H 'Content-Type: application/json' -H "x-api-key: $API_KEY" \
    --data-binary @"$BODY_INVOKE_1K" "http://127.0.0.1:$GATEWAY_PORT/invoke")
  [[ "$answer" == *'"guardrail_status":"redacted"'* ]] || die "unexpected gateway answer: ${answer:0:300}"
  echo '{"phase":"check","row":"gateway","ok":1}' >>"$OUT/runs.jsonl"
  for row in direct nginx; do
    curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' -H "${SIGV4_HEADERS%%$'\n'*}" \
      -H "${SIGV4_HEADERS##*$'\n'}" --data-binary @"$(body_of "$row" 1k)" "$(url_of "$row")" || die "$row: no 200"
  done
  if [[ " ${BENCH_ROWS:-$DEFAULT_ROWS} " == *" gateway-v1 "* ]]; then check_gateway_v1; fi
  if uses_metered; then check_metered; fi
  if uses_portkey; then check_portkey; fi
  if uses_streams; then check_streams; fi
}

uses_streams() {
  local column
  for column in ${columns:-}; do if is_stream_column "$column"; then return 0; fi; done
  return 1
}

sim_stream_calls() {
  curl -s -m 5 "http://127.0.0.1:$SIM_PORT/_sim/stats" | grep -o '"converse-stream":[0-9]*' | cut -d: -f2 | awk '{ n += $1 } END { print n + 0 }'
}

# One streamed answer on each streaming row before measuring: complete (text deltas, then its end), with one more
# ConverseStream call counted by the simulator (Portkey must stream from Bedrock, not call Converse and replay it).
# Portkey's answer is also kept as curl saw it: $RUN/portkey-stream-check.txt.
check_streams() {
  local row before after result ok headers=() line
  shape_streams on
  for row in ${BENCH_ROWS:-$DEFAULT_ROWS}; do
    [ "$row" = nginx ] && continue
    before=$(sim_stream_calls)
    result=$(stream_generate "$row" 1 1 0)
    after=$(sim_stream_calls)
    ok=$(grep -o '"ok":[0-9]*' <<<"$result" | cut -d: -f2)
    if [ "${ok:-0}" -lt 1 ] || [ "$(errors_in "$result")" != 0 ] || [ "$after" -le "$before" ]; then
      if [ "$row" = portkey ]; then
        while IFS= read -r line; do headers+=(-H "$line"); done <<<"$(portkey_headers)"
        curl -s -N -m 30 -X POST -H 'Content-Type: application/json' "${headers[@]}" \
          --data-binary @"$(stream_body_of portkey)" "$(url_of portkey)" >"$RUN/portkey-stream-check.txt" 2>&1 || true
      fi
      die "$row: no complete streamed answer ($result; simulator ConverseStream calls $before -> $after)"
    fi
    echo "{\"phase\":\"check\",\"row\":\"$row\",\"stream\":1,${result#\{}" >>"$OUT/runs.jsonl"
    log "stream check $row: $result"
  done
  shape_streams off
}

sim_total() { curl -s -m 5 "http://127.0.0.1:$SIM_PORT/_sim/stats" | grep -o '"total":[0-9]*' | cut -d: -f2; }

# One chat completion through AuditGate's /v1 with Portkey's body: a 200 in OpenAI's shape, a finished answer, and
# none of the prompt's personal data in it
check_gateway_v1() {
  local answer
  answer=$(curl -s -w '\n%{http_code}' -X POST -H 'Content-Type: application/json' -H "$(headers_of gateway-v1)" \
    --data-binary @"$(body_of gateway-v1 1k)" "$(url_of gateway-v1)")
  [ "${answer##*$'\n'}" = 200 ] && [[ "$answer" == *'"object":"chat.completion"'* ]] \
    && [[ "$answer" == *'"finish_reason":"stop"'* ]] && [[ "$answer" != *jane.doe@example.com* ]] \
    || die "gateway-v1: unexpected answer: ${answer:0:300}"
  echo '{"phase":"check","row":"gateway-v1","ok":1}' >>"$OUT/runs.jsonl"
}

# One /invoke with the metered tenant's key: masked like the demo tenant's, with the RateLimit headers that only a
# metered tenant's answers carry, counted on the expected ledger (the gateway logs which at its first metered use)
check_metered() {
  local headers answer
  headers=$(curl -s -D - -o "$RUN/metered-check.json" -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
    -H "$(headers_of gateway-metered)" --data-binary @"$BODY_INVOKE_1K" "$(url_of gateway-metered)")
  answer=$(cat "$RUN/metered-check.json")
  [ "${headers##*$'\n'}" = 200 ] && [[ "$answer" == *'"guardrail_status":"redacted"'* ]] \
    || die "gateway-metered: unexpected answer: ${headers##*$'\n'} ${answer:0:300}"
  grep -qi '^RateLimit-Policy:.*"requests-per-minute".*"tokens-per-minute"' <<<"$headers" \
    || die "gateway-metered: no RateLimit-Policy header: is the tenant metered? (policy $(tenants_policy))"
  local expected="this instance alone" 
  [ "$QUOTA_LEDGER_EXPECTED" = grid ] && expected="the data grid"
  grep -q "Quota ledger: $expected" "$RUN/gateway.log" \
    || die "gateway-metered: the gateway did not log 'Quota ledger: $expected' (log: $RUN/gateway.log)"
  check_no_refusals check
  echo '{"phase":"check","row":"gateway-metered","ok":1}' >>"$OUT/runs.jsonl"
  log "metered check: 200, $(grep -i '^RateLimit:' <<<"$headers" | tr -d '\r'), ledger $QUOTA_LEDGER_EXPECTED"
}

# The metered tenant's lines of a counter on /metrics, summed (over every limit or outcome), or per value of one
# label ("ok=12 unavailable=3"); "unknown" when /metrics does not answer within 30 s (a gateway busy to exhaustion)
metered_metric() { # metric [label]
  local metrics
  metrics=$(curl -s -m 30 "http://127.0.0.1:$GATEWAY_PORT/metrics") || { echo unknown; return; }
  awk -v m="$1{" -v t="tenant=\"$METERED_TENANT\"" -v l="${2:-}" '
    index($1, m) == 1 && index($1, t) {
      n += $2
      if (l != "" && match($1, l "=\"[^\"]*\"")) by[substr($1, RSTART + length(l) + 2, RLENGTH - length(l) - 3)] += $2
    }
    END { if (l == "") print n + 0; else { for (k in by) printf "%s=%d ", k, by[k]; print "" } }' <<<"$metrics"
}

# A 429 makes the metered row meaningless (a refused request never reaches the model): stop the run at once
check_no_refusals() { # where
  local refused
  refused=$(metered_metric auditgate_quota_refusals_total)
  if [ "$refused" = unknown ]; then
    log "gateway-metered ($1): /metrics did not answer within 30 s; refusals are counted in the records at the end"
  elif [ "$refused" != 0 ]; then
    curl -s -m 5 "http://127.0.0.1:$GATEWAY_PORT/metrics" | grep '^auditgate_quota_refusals_total' >&2 || true
    die "gateway-metered ($1): $refused requests refused (429) by the tenant's limits or budgets ($(tenants_policy)): the row measures nothing; raise the limits"
  fi
}

# One chat completion through Portkey: a 200 in OpenAI's shape, and one more Converse call counted by the simulator
check_portkey() {
  local before after answer headers=() line
  while IFS= read -r line; do headers+=(-H "$line"); done <<<"$(portkey_headers)"
  before=$(sim_total)
  answer=$(curl -s -w '\n%{http_code}' -X POST -H 'Content-Type: application/json' "${headers[@]}" \
    --data-binary @"$(body_of portkey 1k)" "$(url_of portkey)")
  after=$(sim_total)
  [ "${answer##*$'\n'}" = 200 ] && [[ "$answer" == *'"object":"chat.completion"'* ]] \
    || die "portkey: unexpected answer: ${answer:0:300} (log: $RUN/portkey.log)"
  [ "$after" = $((before + 1)) ] || die "portkey: the simulator counted $before then $after calls, not one more"
  check_portkey_loopback
}

# bench/portkey/loopback.mjs reports every refused non-loopback connection or lookup in the log: none allowed
check_portkey_loopback() {
  if [ -n "$PORTKEY_PID" ] && grep -q 'portkey-loopback: refused' "$RUN/portkey.log"; then
    grep 'portkey-loopback: refused' "$RUN/portkey.log" | sort | uniq -c >&2
    log "the Portkey AI Gateway tried to leave loopback (log: $RUN/portkey.log)"
    failed=1
  fi
}

nginx_pids() { echo "$NGINX_PID" $(pgrep -P "$NGINX_PID" || true); }

# unpinned | pinned: generator, simulator, S3Mock on CPU 0; the proxies under test (AuditGate, nginx, Portkey) on CPU 1
pin() {
  local aux=0-1 sut=0-1 pid
  GEN_PREFIX=()
  if [ "$1" = pinned ]; then aux=0 sut=1 GEN_PREFIX=(taskset -c 0); fi
  for pid in "$SIM_PID" "$S3MOCK_PID"; do taskset -a -cp "$aux" "$pid" >/dev/null; done
  for pid in "$GATEWAY_PID" $(nginx_pids) $PORTKEY_PID; do taskset -a -cp "$sut" "$pid" >/dev/null; done
  log "pinning: $1"
}

# The fixed-rate generator's connection cap for rate N: room for N x (model latency + 1 s) twice over, at least 64;
# connections are opened only as the load needs them (BENCH_RATE_CONNECTIONS overrides)
rate_connections() { # rate
  local cap=$(( $1 * (${BENCH_MODEL_LATENCY_MS:-0} + 1000) * 2 / 1000 ))
  echo "${BENCH_RATE_CONNECTIONS:-$(( cap < 64 ? 64 : cap ))}"
}

# N streams in a closed loop on a row's streaming endpoint; prints the generator's JSON line
stream_generate() { # row streams seconds warmup-seconds
  local headers=() line
  while IFS= read -r line; do headers+=(--header "$line"); done <<<"$(headers_of "$1")"
  "${GEN_PREFIX[@]}" java -Xmx512m -XX:+UseSerialGC -jar "$LOADGEN_JAR" stream --url "$(stream_url_of "$1")" \
    --streams "$2" --duration "$3" --warmup "$4" --format "$(stream_format_of "$1")" \
    --body-file "$(stream_body_of "$1")" "${headers[@]}"
}

# One run of the load generator; prints its JSON line. Closed loop: wrk; fixed rate (rate: BENCH_RATE over 64
# connections, as before issue 16; rateN: N requests/s, connections as needed) and streams (sN): auditgate-loadgen.jar.
generate() { # row column seconds body
  local row=$1 column=$2 seconds=$3 body=$4
  if [[ "$column" =~ ^rate([0-9]*)$ ]]; then
    local headers=() line target=${BASH_REMATCH[1]:-$rate} connections=64
    [ -n "${BASH_REMATCH[1]}" ] && connections=$(rate_connections "$target")
    while IFS= read -r line; do headers+=(--header "$line"); done <<<"$(headers_of "$row")"
    "${GEN_PREFIX[@]}" java -Xmx512m -XX:+UseSerialGC -jar "$LOADGEN_JAR" rate --url "$(url_of "$row")" \
      --rate "$target" --duration "$seconds" --warmup "$([ "$mode" = smoke ] && echo 1 || echo 5)" \
      --connections "$connections" --body-file "$body" "${headers[@]}"
  elif is_stream_column "$column"; then
    shape_streams on
    stream_generate "$row" "${column#s}" "$seconds" "$stream_warmup"
    shape_streams off
  else
    local connections=${column#c}
    WRK_BODY_FILE=$body WRK_HEADERS=$(headers_of "$row") "${GEN_PREFIX[@]}" wrk -t "$((connections < 2 ? 1 : 2))" \
      -c "$connections" -d "${seconds}s" --timeout 10s -s bench/wrk-post.lua "$(url_of "$row")" | grep '^{' | tail -1
  fi
}

GATEWAY_WARM=0
warm_up() { # row body seconds; the gateway's first warm-up lasts gateway_warmup seconds (its JIT needs minutes)
  local seconds=$3 result
  if is_gateway_row "$1" && [ "$GATEWAY_WARM" = 0 ]; then seconds=$gateway_warmup GATEWAY_WARM=1; fi
  log "warm-up: $1, $seconds s at concurrency 64"
  result=$(generate "$1" c64 "$seconds" "$2")
  echo "${result%\}},\"phase\":\"warmup\",\"row\":\"$1\"}" >>"$OUT/runs.jsonl"
  if [ "$1" = gateway-metered ]; then check_no_refusals warm-up; fi
}

cpu_ticks() { # pids: utime + stime of every thread, in clock ticks
  local pid total=0
  for pid in "$@"; do
    total=$((total + $(awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat")))
  done
  echo "$total"
}

rss_mb() { awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }

measure_cell() { # case pinning row column rep seconds body
  local case=$1 pinning=$2 row=$3 column=$4 rep=$5 seconds=$6 body=$7
  local pids=()
  case "$row" in
    gateway | gateway-v1 | gateway-metered) pids=("$GATEWAY_PID") ;; nginx) pids=($(nginx_pids)) ;; portkey) pids=("$PORTKEY_PID") ;;
  esac
  kill -0 "$GATEWAY_PID" 2>/dev/null || die "AuditGate exited (log: $RUN/gateway.log)"
  if [ "$row" = portkey ]; then kill -0 "$PORTKEY_PID" 2>/dev/null || die "the Portkey AI Gateway exited (log: $RUN/portkey.log)"; fi
  local before=0 after=0 result fsyncs_before="" fsyncs_after="" fsyncs=null
  # a gateway too busy to answer /metrics within 5 s leaves the cell's fsync count unknown (null), not the run stopped
  if is_gateway_row "$row"; then fsyncs_before=$(journal_fsyncs) || fsyncs_before=""; fi
  [ ${#pids[@]} -gt 0 ] && before=$(cpu_ticks "${pids[@]}")
  result=$(generate "$row" "$column" "$seconds" "$body")
  [ ${#pids[@]} -gt 0 ] && after=$(cpu_ticks "${pids[@]}")
  if [ -n "$fsyncs_before" ]; then fsyncs_after=$(journal_fsyncs) || fsyncs_after=""; fi
  if [ -n "$fsyncs_before" ] && [ -n "$fsyncs_after" ]; then fsyncs=$((fsyncs_after - fsyncs_before)); fi
  local requests warmup_requests cpu=null rss=null
  requests=$(grep -o '"requests":[0-9]*' <<<"$result" | cut -d: -f2)
  # the fixed-rate and stream generators' own warm-up falls inside the CPU window: its requests (streams) count too
  warmup_requests=$(grep -o '"warmup_requests":[0-9]*' <<<"$result" | cut -d: -f2 || true)
  if [ ${#pids[@]} -gt 0 ] && [ "${requests:-0}" -gt 0 ]; then
    cpu=$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$((requests + ${warmup_requests:-0}))" \
      'BEGIN { printf "%.1f", t * 1e6 / hz / n }')
    rss=$(rss_mb "${pids[0]}")
  fi
  local line="${result%\}},\"phase\":\"measure\",\"case\":\"$case\",\"pinning\":\"$pinning\",\"row\":\"$row\",\"column\":\"$column\",\"rep\":$rep,\"cpu_us_per_req\":$cpu,\"rss_mb\":$rss,\"fsyncs\":$fsyncs}"
  echo "$line" >>"$OUT/runs.jsonl"
  log "$case $pinning $row $column #$rep: $result cpu=${cpu}µs rss=${rss}MB fsyncs=$fsyncs"
  if [ "$row" = gateway-metered ]; then check_no_refusals "$case $column #$rep"; fi
  if [ -z "$result" ] || [ "$(errors_in "$result")" != 0 ]; then
    log "ERRORS in $case $pinning $row $column #$rep"
    failed=1
  fi
}

# every kind of error a generator counts: status >= 400 (wrk: non-2xx), socket errors, and for streams error events
# and streams that ended without their closing event
errors_in() {
  grep -o '"\(non2xx\|socket_errors\|error_events\|incomplete\)":[0-9]*' <<<"$1" | cut -d: -f2 | awk '{ n += $1 } END { print n + 0 }'
}

gauge() { curl -s -m 5 "http://127.0.0.1:$GATEWAY_PORT/metrics" | awk -v name="$1" '$1 ~ "^" name "([{]|$)" { print $2 + 0 }'; }
backlog() { gauge auditgate_audit_backlog_records; }
journal_fsyncs() { gauge auditgate_audit_journal_fsyncs; } # the journal's own count of its fsyncs

# Every 2xx the gateway returned has a record in S3: wait for the shipper to drain, stop the gateway (it drains
# again and signs a last digest), verify the trail, then count the answered records in S3Mock's objects.
finish_and_check() {
  local deadline=$((SECONDS + 180)) left
  check_portkey_loopback
  until left=$(backlog) && [ "$left" = 0 ]; do
    [ "$SECONDS" -lt "$deadline" ] || { log "audit backlog did not drain: $left"; failed=1; break; }
    sleep 1
  done
  GATEWAY_RSS_END=$(rss_mb "$GATEWAY_PID")
  if uses_metered; then METERED_OUTCOMES=$(metered_metric auditgate_tenant_requests_total outcome); fi
  kill -TERM "$GATEWAY_PID"
  for _ in $(seq 1 600); do kill -0 "$GATEWAY_PID" 2>/dev/null || break; sleep 0.1; done
  VERIFIER_SUMMARY=$(env AWS_EC2_METADATA_DISABLED=true AWS_ACCESS_KEY_ID=BENCHFAKEKEY AWS_SECRET_ACCESS_KEY=bench-fake-secret \
    java -jar "$VERIFIER_JAR" --public-key "$RUN/signing-public.pem" --bucket "$BUCKET" --prefix auditgate \
    --endpoint "http://127.0.0.1:$S3_PORT" --region us-east-1 --path-style 2>&1 | tee "$RUN/verifier.txt" | tail -1) \
    || { log "verifier: findings (see $RUN/verifier.txt)"; failed=1; }
  ANSWERED=$(answered_by 'gateway\(-v1\|-metered\)\?')
  # one pass over the stored records: answered ones, and the metered tenant's quota objects (ledger, settlement)
  find "$RUN/s3" -name binaryData -exec gzip -cdfq {} + | grep -o '"http_status":200\|"ledger":"[a-z]*"\|"settled":{\|"refused_by":' \
    | sort | uniq -c >"$RUN/record-counts.txt" || true
  RECORDED=$(records_with '"http_status":200')
  if [ "$RECORDED" -ge "$ANSWERED" ] && [ "$ANSWERED" -gt 0 ]; then
    AUDIT_CHECK="passed: $ANSWERED answers (2xx) seen by the load generators, $RECORDED answered records in S3 (the surplus: requests still in flight when a generator stopped); verifier: $VERIFIER_SUMMARY"
  else
    AUDIT_CHECK="FAILED: $ANSWERED answers (2xx) seen by the load generators, only $RECORDED answered records in S3; verifier: $VERIFIER_SUMMARY"
    failed=1
  fi
  log "audit check $AUDIT_CHECK"
  if uses_metered; then check_metered_records; fi
}

answered_by() { # row pattern (grep basic regex): the 2xx answers the load generators counted on those rows
  grep "\"row\":\"$1\"" "$OUT/runs.jsonl" | grep -o '"ok":[0-9]*' | cut -d: -f2 | awk '{ n += $1 } END { print n + 0 }'
}

records_with() { awk -v k="$1" '$2 == k { n = $1 } END { print n + 0 }' "$RUN/record-counts.txt"; }

# Every answer of the metered row was admitted and settled on the expected ledger: its records' quota objects say so
# (only the metered tenant's records have one). A record counted on the other ledger (the grid unreachable) fails,
# and so does a refused one (the run stops at the first refusal the metrics show; this catches any that slipped by).
check_metered_records() {
  local answered counted other settled other_ledger=local
  [ "$QUOTA_LEDGER_EXPECTED" = local ] && other_ledger=grid
  answered=$(answered_by gateway-metered)
  counted=$(records_with "\"ledger\":\"$QUOTA_LEDGER_EXPECTED\"")
  other=$(records_with "\"ledger\":\"$other_ledger\"")
  settled=$(records_with '"settled":{')
  METERED_CHECK="$answered answers (2xx) of gateway-metered, $counted records counted on the $QUOTA_LEDGER_EXPECTED ledger ($settled settled), $other on the $other_ledger ledger, $(records_with '"refused_by":') refused; the tenant's requests by outcome: ${METERED_OUTCOMES:-unknown}"
  if [ "$counted" -lt "$answered" ] || [ "$other" != 0 ] || [ "$settled" -lt "$answered" ] || [ "$answered" = 0 ] \
    || [ "$(records_with '"refused_by":')" != 0 ]; then
    METERED_CHECK="FAILED: $METERED_CHECK"
    failed=1
  else
    METERED_CHECK="passed: $METERED_CHECK"
  fi
  log "metered check $METERED_CHECK"
}

write_results() {
  local cpu kernel jdk
  cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
  kernel=$(uname -r)
  jdk=$(java -version 2>&1 | head -2 | tail -1)
  {
    echo "# AuditGate gateway benchmark ($mode run, $(date -u +%Y-%m-%dT%H:%MZ))"
    echo
    echo "Machine: $(nproc) CPUs ($cpu), $(awk '/MemTotal/ { printf "%d GiB", $2 / 1048576 + 0.5 }' /proc/meminfo), kernel $kernel, $jdk."
    echo "Load average before: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg). One synchronous 512-byte write (≈ one fsync): ${FSYNC_MS} ms."
    echo "Per cell: ${duration} s measured after a ${warmup} s warm-up per configuration (AuditGate's first: ${gateway_warmup} s); ${reps} repetition(s); median (min–max)."
    echo "Closed loop (c=N): wrk; fixed rate: auditgate-loadgen.jar (latency from the intended send time). Gateway JVM options: ${GATEWAY_JAVA_OPTS:-none}."
    echo "Audit check $AUDIT_CHECK. Gateway RSS at the end: ${GATEWAY_RSS_END} MB."
    if uses_metered; then
      echo "Metered tenant (row gateway-metered, policy $(tenants_policy), quota.ledger=$QUOTA_LEDGER_EXPECTED): $METERED_CHECK."
    fi
    echo
    java -cp "$LOADGEN_JAR" io.auditgate.bench.ResultsTable "$OUT/runs.jsonl"
  } >"$OUT/results.md"
  cat "$OUT/results.md"
}

# Per row a warm-up, then the repetitions, columns interleaved. BENCH_ORDER=interleaved: every row's warm-up first,
# then per repetition and column every row in turn, in reverse order on even repetitions (A B, B A, ...), so that
# rows served by one process (gateway, gateway-v1, gateway-metered) share its JIT's and heap's drift instead of the
# later row getting the warmer process
run_case() { # case prompt-size pinning rows columns
  local row rep column rows=$4
  for row in $4; do
    warm_up "$row" "$(body_of "$row" "$2")" "$warmup"
    [ "${BENCH_ORDER:-rows}" = interleaved ] && continue
    for rep in $(seq 1 "$reps"); do
      for column in $5; do measure_applicable "$1" "$3" "$row" "$column" "$rep" "$2"; done
    done
  done
  [ "${BENCH_ORDER:-rows}" = interleaved ] || return 0
  for rep in $(seq 1 "$reps"); do
    for column in $5; do
      for row in $rows; do measure_applicable "$1" "$3" "$row" "$column" "$rep" "$2"; done
    done
    rows=$(tr ' ' '\n' <<<"$rows" | tac | tr '\n' ' ')
  done
}

measure_applicable() { # case pinning row column rep prompt-size
  # nginx's default proxy buffering holds streamed answers back: it is no streaming row
  if [ "$3" = nginx ] && is_stream_column "$4"; then return; fi
  measure_cell "$1" "$2" "$3" "$4" "$5" "$duration" "$(body_of "$3" "$6")"
}

#!/usr/bin/env bash
# The official `openai` npm package against AuditGate, as .ci/run runs it after `mvn -B verify`: starts the Bedrock
# simulator and the gateway (the local profile: demo tenants, local audit store) from the jars already built, on free
# loopback ports, installs the client (npm ci from package-lock.json, offline first) while the gateway boots, runs
# clients/node/check.mjs, then stops the gateway and verifies the audit trail it wrote. Everything it started is
# stopped when it ends, failed or not. Builds nothing: run `mvn -B package -DskipTests` first (or `mvn -B verify`).
# Logs and the audit store: target/node-client/.
set -euo pipefail
cd "$(dirname "$0")/../.."
# a JDK >= 21 for the gateway (the default java here may be 17): src/local/jdk.sh
source src/local/jdk.sh || exit 1
# log, die, started, stop_all (on exit), free_port: shared with bench/lib.sh
LOG_TAG=node-client
source src/local/processes.sh

WORK=target/node-client
GATEWAY_JAR=target/auditgate.jar
SIMULATOR_JAR=target/bedrock-simulator.jar
VERIFIER_JAR=target/auditgate-verifier.jar
# the demo tenant's key from src/main/resources/local/tenants.json: local runs only, never a secret (README)
API_KEY=ag_1fb62ab7_GS8GpwlqF3gAx7LAxSsWBSCcD6Vw5Dle-JfkcL0lbM0

for jar in "$GATEWAY_JAR" "$SIMULATOR_JAR" "$VERIFIER_JAR"; do
  [ -f "$jar" ] || die "$jar is missing: build first (mvn -B package -DskipTests)"
done
command -v node >/dev/null && command -v npm >/dev/null || die "needs node and npm (Debian: apt-get install nodejs npm)"

rm -rf "$WORK"
mkdir -p "$WORK/tmp"
SIM_PORT=$(free_port)
PORT=$(free_port)

java -Xmx256m -jar "$SIMULATOR_JAR" --port "$SIM_PORT" >"$WORK/simulator.log" 2>&1 &
started+=($!)
# the local profile as src/local/run-local.sh starts it (listens on 127.0.0.1 only by itself), its data in $WORK
# shellcheck disable=SC2086
env BEDROCK_ENDPOINT="http://127.0.0.1:$SIM_PORT" \
  java ${GATEWAY_JAVA_OPTS--Xms256m -Xmx256m -XX:+UseParallelGC} -Djava.io.tmpdir="$WORK/tmp" \
  -Dmp.config.profile=local -Dlocal.data-dir="$WORK/audit" -jar "$GATEWAY_JAR" --port "$PORT" >"$WORK/gateway.log" 2>&1 &
gateway=$!
started+=("$gateway")
log "simulator on $SIM_PORT, gateway on $PORT (logs in $WORK); npm ci meanwhile"

# no install script to run: openai has none and no dependencies
npm ci --prefix clients/node --ignore-scripts --prefer-offline --no-audit --no-fund --loglevel=error \
  >"$WORK/npm-ci.log" 2>&1 || { tail -20 "$WORK/npm-ci.log"; die "npm ci failed (log: $WORK/npm-ci.log)"; }

deadline=$((SECONDS + 240))
until [ "$(curl -s -o /dev/null -w '%{http_code}' -m 2 "http://127.0.0.1:$PORT/health/ready")" = 200 ]; do
  kill -0 "$gateway" 2>/dev/null || { tail -40 "$WORK/gateway.log"; die "the gateway exited (log: $WORK/gateway.log)"; }
  [ "$SECONDS" -lt "$deadline" ] || die "the gateway was not ready within 240 s (log: $WORK/gateway.log)"
  sleep 1
done
log "gateway ready"

status=0
env -u HTTP_PROXY -u HTTPS_PROXY -u http_proxy -u https_proxy -u OPENAI_BASE_URL -u OPENAI_API_KEY \
  node clients/node/check.mjs --simulator "http://127.0.0.1:$SIM_PORT" "http://127.0.0.1:$PORT/v1" "$API_KEY" \
  || status=$?

# the gateway drains its journal into the store and signs a last digest when it stops: then every record it wrote
# must verify (signatures, digest chain, segment hashes, record chains, no gaps)
kill -TERM "$gateway"
for _ in $(seq 1 600); do kill -0 "$gateway" 2>/dev/null || break; sleep 0.1; done
if java -jar "$VERIFIER_JAR" --dir "$WORK/audit/store" --public-key "$WORK/audit/journal/digest-public-key.pem" \
  >"$WORK/verifier.txt" 2>&1; then
  log "audit trail: $(tail -1 "$WORK/verifier.txt")"
else
  cat "$WORK/verifier.txt" >&2
  log "audit trail: findings (see $WORK/verifier.txt)"
  status=1
fi
exit "$status"

#!/usr/bin/env bash
# Builds AuditGate and runs it on this machine with no AWS account:
#   the Bedrock simulator on 127.0.0.1:${SIM_PORT:-9100} and the gateway (local profile) on 127.0.0.1:${PORT:-8080}.
# Set BEDROCK_ENDPOINT to use another Bedrock-compatible endpoint instead of the simulator (none is started then).
# Stop with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/../.."
# a JDK >= 21 (JAVA_HOME, the java on PATH, or the newest under /usr/lib/jvm), or a clear message: src/local/jdk.sh
source src/local/jdk.sh || exit 1

PORT=${PORT:-8080}
SIM_PORT=${SIM_PORT:-9100}
# JVM options (docs/performance.md, "JVM options"): a fixed heap and the parallel collector. The JSON-P provider is
# named inside the jar (src/main/payara/system.properties). GATEWAY_JAVA_OPTS replaces them.
GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS--Xms384m -Xmx384m -XX:+UseParallelGC}

mvn -B -q package -DskipTests
mkdir -p target/local-tmp

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

if [ -z "${BEDROCK_ENDPOINT:-}" ]; then
  java -jar target/bedrock-simulator.jar --port "$SIM_PORT" &
  pids+=($!)
  export BEDROCK_ENDPOINT="http://127.0.0.1:${SIM_PORT}"
fi

echo "AuditGate: starting on http://127.0.0.1:${PORT}/invoke (Bedrock at ${BEDROCK_ENDPOINT})"
# local data (journal, signing key, store) in target/local-audit, as README's verifier and queries commands expect;
# the local profile listens on 127.0.0.1 only by itself (docs/architecture.md, "Platform")
# shellcheck disable=SC2086
java $GATEWAY_JAVA_OPTS -Djava.io.tmpdir=target/local-tmp -Dmp.config.profile=local -Dlocal.data-dir=target/local-audit \
  -jar target/auditgate.jar --port "$PORT" &
gateway=$!
pids+=("$gateway")

# One line once /health/ready is UP (audit journal writable, Bedrock client warmed up), with a request to paste.
# The demo key is the local profile's published demo key (README), never a secret.
announce_ready() {
  for _ in $(seq 1 300); do
    kill -0 "$gateway" 2>/dev/null || return 0
    if curl -fsS -o /dev/null "http://127.0.0.1:${PORT}/health/ready" 2>/dev/null; then
      cat <<READY
AuditGate ready: try
  curl -s -X POST http://127.0.0.1:${PORT}/invoke -H 'Content-Type: application/json' \\
    -H 'x-api-key: ag_1fb62ab7_GS8GpwlqF3gAx7LAxSsWBSCcD6Vw5Dle-JfkcL0lbM0' \\
    -d '{"prompt":"Summarize the benefits of infrastructure as code."}'
READY
      return 0
    fi
    sleep 1
  done
  echo "AuditGate: not ready after 300 s; see the log above (/health/ready)" >&2
}
if command -v curl >/dev/null; then
  announce_ready &
  pids+=($!)
fi
wait "$gateway"

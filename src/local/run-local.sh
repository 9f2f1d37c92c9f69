#!/usr/bin/env bash
# Builds AuditGate and runs it on this machine with no AWS account:
#   the Bedrock simulator on 127.0.0.1:${SIM_PORT:-9100} and the gateway (local profile) on 127.0.0.1:${PORT:-8080}.
# Set BEDROCK_ENDPOINT to use another Bedrock-compatible endpoint instead of the simulator (none is started then).
#   --instances N   N gateways clustered over loopback TCP (docs/architecture.md, "Platform"): HTTP ports PORT,
#                   PORT+1, ...; data-grid ports GRID_PORT (6900), GRID_PORT+1, ...; one tenants policy, one simulator;
#                   each its own journal and store (instance 0: target/local-audit, instance i: target/local-audit-i).
# Stop with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/../.."
INSTANCES=1
while [ $# -gt 0 ]; do
  case "$1" in
    --instances) INSTANCES=${2:?--instances needs a number}; shift 2 ;;
    *) echo "usage: $0 [--instances N]" >&2; exit 2 ;;
  esac
done
[[ "$INSTANCES" =~ ^[1-9][0-9]?$ ]] || { echo "--instances: 1 to 99" >&2; exit 2; }
# a JDK >= 21 (JAVA_HOME, the java on PATH, or the newest under /usr/lib/jvm), or a clear message: src/local/jdk.sh
source src/local/jdk.sh || exit 1

PORT=${PORT:-8080}
SIM_PORT=${SIM_PORT:-9100}
GRID_PORT=${GRID_PORT:-6900}
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

# One gateway: never clusters (the jar's --nocluster). Several: src/main/payara/cluster.properties switches clustering
# on and the member list names every member on 127.0.0.1 (never multicast); a cluster name of this run's own.
cluster_args() { :; }
if [ "$INSTANCES" -gt 1 ]; then
  members=$(for i in $(seq 0 $((INSTANCES - 1))); do echo "127.0.0.1:$((GRID_PORT + i))"; done | paste -sd, -)
  cluster_name="auditgate-local-$$"
  cluster_args() {
    echo "--systemproperties src/main/payara/cluster.properties --clustermode tcpip:$members --interfaces 127.0.0.1" \
      "--startport $((GRID_PORT + $1)) --clustername $cluster_name --name local-$1"
  }
fi

gateways=()
for i in $(seq 0 $((INSTANCES - 1))); do
  port=$((PORT + i))
  data_dir=target/local-audit
  instance=local
  if [ "$i" -gt 0 ]; then data_dir=target/local-audit-$i instance=local-$i; fi
  echo "AuditGate: starting on http://127.0.0.1:${port}/invoke (Bedrock at ${BEDROCK_ENDPOINT})"
  # local data (journal, signing key, store) in target/local-audit, as README's verifier and queries commands expect;
  # the local profile listens on 127.0.0.1 only by itself (docs/architecture.md, "Platform"); a profile's value wins
  # over the plain key, hence %local.audit.instance for the second and later instances
  # shellcheck disable=SC2086,SC2046
  java $GATEWAY_JAVA_OPTS -Djava.io.tmpdir=target/local-tmp -Dmp.config.profile=local -Dlocal.data-dir="$data_dir" \
    -D%local.audit.instance="$instance" -Dhazelcast.socket.bind.any=false \
    -jar target/auditgate.jar --port "$port" $(cluster_args "$i") &
  pids+=($!)
  gateways+=($!)
done
gateway=${gateways[0]}

# Every instance answers /health/ready and, clustered, its data grid has all INSTANCES members (grid.GridReadiness).
all_ready() {
  local i body
  for i in $(seq 0 $((INSTANCES - 1))); do
    body=$(curl -fsS "http://127.0.0.1:$((PORT + i))/health/ready" 2>/dev/null) || return 1
    if [ "$INSTANCES" -gt 1 ] && ! grep -Eq "\"members\": *\"?${INSTANCES}\b" <<<"$body"; then return 1; fi
  done
}
# One line once /health/ready is UP (audit journal writable, Bedrock client warmed up), with a request to paste.
# The demo key is the local profile's published demo key (README), never a secret.
announce_ready() {
  for _ in $(seq 1 300); do
    kill -0 "$gateway" 2>/dev/null || return 0
    if all_ready; then
      cat <<READY
AuditGate ready: try
  curl -s -X POST http://127.0.0.1:${PORT}/invoke -H 'Content-Type: application/json' \\
    -H 'x-api-key: ag_1fb62ab7_GS8GpwlqF3gAx7LAxSsWBSCcD6Vw5Dle-JfkcL0lbM0' \\
    -d '{"prompt":"Summarize the benefits of infrastructure as code."}'
READY
      [ "$INSTANCES" -gt 1 ] && echo "AuditGate: ${INSTANCES} instances on ports ${PORT}-$((PORT + INSTANCES - 1)), one data grid (README, \"Two local instances\")"
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

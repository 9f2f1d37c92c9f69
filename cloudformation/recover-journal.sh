#!/usr/bin/env bash
# Ships an orphaned AuditGate audit journal: the journal volume of an instance whose drain did not ship every
# record (an S3 or KMS outage, a lost instance) outlives it, tagged auditgate:stack=<stack> (docs/deploy.md,
# "Recovering an orphaned journal").
#
#   recover-journal.sh find <stack> [region]    list the stack's journal volumes that no instance uses
#   recover-journal.sh ship <journal-dir>       ship a mounted journal, then write the chain's final digest
#
# `ship` starts the gateway's own jar on loopback against that directory under the dead instance's chain id (the
# INSTANCE file the boot script wrote on the volume, else the journal files' names, else AUDIT_INSTANCE): at start the gateway recovers the journal
# like after a crash, ships every unshipped segment, and on SIGTERM writes the final digest. It waits until the
# backlog gauge reads 0 and the gateway has stopped cleanly; exit 0 only then. Environment (defaults for a gateway
# instance of the stack):
#   JAR=/opt/auditgate/auditgate.jar  ENV_FILE=/etc/auditgate/auditgate.env  PORT=18080  JAVA=java
#   JAVA_OPTS=-Xmx1g  TIMEOUT_SECONDS=3600  LOG=<journal-dir>/../recover-<instance>.log
#   BOOT_SECONDS=300 (a start that never answers is killed and started once more)
#   STOP_SECONDS=900 (after SIGTERM; past it the gateway is killed and ship fails: run it again)
# It listens on 127.0.0.1 only, beside the instance's own gateway, without joining its data grid.
# Everything else (bucket, prefix, keys, region, an S3 endpoint) comes from ENV_FILE and the environment.
set -euo pipefail

usage() { sed -n '2,20p' "$0" >&2; exit 2; }

find_volumes() {
  local stack=$1 region=${2:-${AWS_REGION:-}}
  aws ec2 describe-volumes ${region:+--region "$region"} \
    --filters "Name=tag:auditgate:stack,Values=$stack" Name=status,Values=available \
    --query 'Volumes[].[VolumeId,AvailabilityZone,Size,CreateTime]' --output text
}

backlog() {
  curl -sf --max-time 5 "http://127.0.0.1:$PORT/metrics" \
    | awk '/^auditgate_audit_backlog_records[{ ]/ {n = $NF} END {if (n == "") exit 1; printf "%d\n", n}'
}

# Starts the gateway's jar on loopback against the journal (pid in $pid); its output goes to $log.
start_gateway() {
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  "${JAVA:-java}" ${JAVA_OPTS:--Xmx1g} -jar "${JAR:-/opt/auditgate/auditgate.jar}" --port "$PORT" --nocluster \
    --disablephonehome --prebootcommandfile "$preboot" >>"$log" 2>&1 &
  pid=$!
}

ship() {
  local dir instance log deadline boot_deadline booted restarts stop_deadline left status
  dir=$(cd "$1" && pwd)
  # whose chain: the INSTANCE file the boot script wrote, else the journal files' names, else AUDIT_INSTANCE
  instance=$(cat "$dir/INSTANCE" 2>/dev/null || true)
  if [ -z "$instance" ]; then
    instance=$(find "$dir" -maxdepth 1 -name 'journal-*-*.log' -printf '%f\n' | sed -n 's/^journal-\(.*\)-[0-9]*\.log$/\1/p' | sort -u)
    [ "$(printf '%s\n' "$instance" | grep -c .)" -le 1 ] || { echo "journals of several instances in $dir" >&2; exit 2; }
  fi
  instance=${instance:-${AUDIT_INSTANCE:-}}
  [ -n "$instance" ] || { echo "no INSTANCE file or journal in $dir and no AUDIT_INSTANCE: whose chain is this?" >&2; exit 2; }
  PORT=${PORT:-18080}
  log=${LOG:-$(dirname "$dir")/recover-$instance.log}
  if [ -f "${ENV_FILE:-/etc/auditgate/auditgate.env}" ]; then
    set -a; source "${ENV_FILE:-/etc/auditgate/auditgate.env}"; set +a
  fi
  export AUDIT_JOURNAL_DIR="$dir" AUDIT_INSTANCE="$instance"
  # loopback only: this gateway serves nobody, it only ships
  preboot=$(mktemp); trap 'rm -f "$preboot"' EXIT
  cat > "$preboot" <<'ASADMIN'
set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1
create-system-properties auditgate.bind-address=127.0.0.1
ASADMIN
  echo "shipping the journal of $instance from $dir (log: $log)"
  start_gateway
  deadline=$(( $(date +%s) + ${TIMEOUT_SECONDS:-3600} ))
  boot_deadline=$(( $(date +%s) + ${BOOT_SECONDS:-300} )); booted=no; restarts=0
  left=unknown
  while [ "$(date +%s)" -lt "$deadline" ] && kill -0 "$pid" 2>/dev/null; do
    if left=$(backlog); then
      booted=yes
      [ "$left" = 0 ] && break
    elif [ "$booted" = no ] && [ "$(date +%s)" -ge "$boot_deadline" ] && [ "$restarts" -lt 1 ]; then
      # a start that never answers (Payara's rare boot hang, README): like a crash, then once more
      echo "the gateway did not answer within ${BOOT_SECONDS:-300} s; starting it again" >&2
      kill -KILL "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
      restarts=$((restarts + 1)); start_gateway
      boot_deadline=$(( $(date +%s) + ${BOOT_SECONDS:-300} ))
    fi
    sleep 5
  done
  if ! kill -0 "$pid" 2>/dev/null; then
    wait "$pid" || true
    echo "the gateway exited before the journal was shipped; see $log" >&2
    exit 1
  fi
  kill -TERM "$pid"
  stop_deadline=$(( $(date +%s) + ${STOP_SECONDS:-900} ))
  while kill -0 "$pid" 2>/dev/null && [ "$(date +%s)" -lt "$stop_deadline" ]; do sleep 1; done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
    echo "the gateway did not stop within ${STOP_SECONDS:-900} s and was killed: no final digest; run ship again" >&2
    exit 1
  fi
  status=0; wait "$pid" || status=$?
  if [ "$left" != 0 ]; then
    echo "gave up after ${TIMEOUT_SECONDS:-3600} s with $left records unshipped; the journal stays in $dir" >&2
    exit 1
  fi
  if [ "$status" != 0 ] && [ "$status" != 143 ]; then
    echo "the gateway stopped with status $status; see $log" >&2
    exit 1
  fi
  echo "journal of $instance shipped; its final digest written. Detach and delete the volume after checking"
  echo "the verifier's report for $instance."
}

case "${1:-}" in
  find) [ $# -ge 2 ] || usage; find_volumes "$2" "${3:-}" ;;
  ship) [ $# -eq 2 ] || usage; ship "$2" ;;
  *) usage ;;
esac
